# Turns a data file into a C++ source defining `std::string_view <NAME>() noexcept` in
# namespace newsfacet::detail, so the library carries its data and needs no install path.
# Usage: cmake -DIN=file -DOUT=file.cpp -DNAME=function -P embed.cmake
file(READ "${IN}" content)
string(FIND "${content}" ")nfdata\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )nfdata\"")
endif()
# Raw string literals are split every ~16000 characters to stay within compiler guidelines.
string(LENGTH "${content}" length)
set(chunks "")
set(pos 0)
while(pos LESS length)
  string(SUBSTRING "${content}" ${pos} 16000 piece)
  string(APPEND chunks "    R\"nfdata(${piece})nfdata\"\n")
  math(EXPR pos "${pos} + 16000")
endwhile()
if(chunks STREQUAL "")
  set(chunks "    \"\"\n")
endif()
file(WRITE "${OUT}.tmp" "// Generated from ${IN} by embed.cmake. Do not edit.\n#include <string_view>\n\nnamespace newsfacet::detail {\n\nstd::string_view ${NAME}() noexcept {\n    static constexpr char data[] =\n${chunks}    ;\n    return {data, sizeof(data) - 1};\n}\n\n}  // namespace newsfacet::detail\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
