#pragma once
// NEWSFACET_EXPORT marks what the shared library exports: the library is built with hidden
// symbol visibility, so only the declarations of the public headers marked so are part of its
// ABI (its internals cannot be linked against, and load faster).

#if defined(NEWSFACET_STATIC_DEFINE) || !(defined(__GNUC__) || defined(__clang__))
#define NEWSFACET_EXPORT
#else
#define NEWSFACET_EXPORT __attribute__((visibility("default")))
#endif
