# Turns the page's files into a C++ source defining newsfacet::server::web_assets(), so the
# binary serves them with nothing to install or fetch. Any bytes (text or images) are embedded
# as arrays of numbers.
# Usage: cmake -DWEB_DIR=dir -DOUT=file.cpp -P embed_web.cmake  (every file directly in WEB_DIR)
file(GLOB files RELATIVE "${WEB_DIR}" "${WEB_DIR}/*")
list(SORT files)
set(arrays "")
set(entries "")
set(index 0)
foreach(name IN LISTS files)
  if(IS_DIRECTORY "${WEB_DIR}/${name}" OR name MATCHES "^\\.")
    continue()
  endif()
  file(READ "${WEB_DIR}/${name}" hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  # Lines of 32 bytes keep the generated file readable by editors.
  string(REGEX REPLACE "((0x[0-9a-f][0-9a-f],){32})" "\\1\n    " bytes "${bytes}")
  string(APPEND arrays "// ${name}\nconstexpr unsigned char asset_${index}[] = {\n    ${bytes}0x00};\n")
  string(APPEND entries "        {\"${name}\", {reinterpret_cast<const char*>(asset_${index}), sizeof(asset_${index}) - 1}},\n")
  math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUT}.tmp" "// Generated from ${WEB_DIR} by embed_web.cmake. Do not edit.\n#include \"web_assets.hpp\"\n\nnamespace newsfacet::server {\n\nnamespace {\n\n${arrays}\n}  // namespace\n\nstd::vector<serve::Asset> web_assets() {\n    return {\n${entries}    };\n}\n\n}  // namespace newsfacet::server\n")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
