#pragma once
// A stream that gives back the bytes read from it to tell its format, then the rest.

#include <array>
#include <istream>
#include <streambuf>
#include <string>

namespace newsfacet::detail {

/// Reads `prefix` (bytes taken from `rest` already), then what `rest` still holds, so a
/// reader that streams sees the input whole. Neither seeks nor writes. Cost: one copy
/// through a 64 KiB buffer.
class PrefixedStreambuf : public std::streambuf {
public:
    PrefixedStreambuf(std::string prefix, std::istream& rest);

protected:
    int_type underflow() override;

private:
    std::string m_prefix;
    std::streambuf* m_rest;
    bool m_prefix_done = false;
    std::array<char, 64 * 1024> m_buffer{};
};

/// An std::istream over a PrefixedStreambuf.
class PrefixedStream : public std::istream {
public:
    PrefixedStream(std::string prefix, std::istream& rest) : std::istream(nullptr), m_buf(std::move(prefix), rest) {
        rdbuf(&m_buf);
    }

private:
    PrefixedStreambuf m_buf;
};

}  // namespace newsfacet::detail
