# Installs the build tree into a fresh prefix, builds examples/embed against the INSTALLED
# package (find_package), and separately a program through the pkg-config file, and runs both.
# Run by CTest: cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DVERSION=... -P install_and_embed.cmake
foreach(var BUILD_DIR SOURCE_DIR WORK_DIR VERSION)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "${var} is not set")
  endif()
endforeach()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})

foreach(installed
    include/newsfacet/newsfacet.hpp include/newsfacet/export.hpp
    lib/cmake/newsfacet/newsfacetConfig.cmake lib/cmake/newsfacet/newsfacetConfigVersion.cmake
    lib/pkgconfig/newsfacet.pc bin/newsfacet-index bin/newsfacet-search share/newsfacet/thesaurus.tsv)
  if(NOT EXISTS ${prefix}/${installed})
    message(FATAL_ERROR "not installed: ${installed}")
  endif()
endforeach()
file(GLOB sonames ${prefix}/lib/libnewsfacet.so.*)
if(NOT sonames)
  message(FATAL_ERROR "no versioned libnewsfacet.so.* installed")
endif()
# While the version is 0.x a minor version may break the ABI: the SONAME carries it.
string(REGEX MATCH "^([0-9]+)\\.([0-9]+)" major_minor "${VERSION}")
if(CMAKE_MATCH_1 EQUAL 0)
  set(expected_soname libnewsfacet.so.${CMAKE_MATCH_1}.${CMAKE_MATCH_2})
else()
  set(expected_soname libnewsfacet.so.${CMAKE_MATCH_1})
endif()
run(readelf -d ${prefix}/lib/libnewsfacet.so)
if(NOT last_output MATCHES "\\(SONAME\\)[^\n]*\\[${expected_soname}\\]")
  message(FATAL_ERROR "the installed library's SONAME is not ${expected_soname}:\n${last_output}")
endif()
if(NOT EXISTS ${prefix}/lib/${expected_soname})
  message(FATAL_ERROR "not installed: lib/${expected_soname}")
endif()

# The consumer, through find_package(newsfacet).
run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/examples/embed -B ${WORK_DIR}/embed -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_BUILD_TYPE=Release)
run(${CMAKE_COMMAND} --build ${WORK_DIR}/embed)
run(${WORK_DIR}/embed/newsfacet-embed ${WORK_DIR}/index-cmake)
if(NOT last_output MATCHES "1 match\\(es\\)[^\n]*\nkyiv-1\t")
  message(FATAL_ERROR "unexpected output of the CMake-built example:\n${last_output}")
endif()

# The same program through pkg-config, as a Makefile-based project would build it.
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
run(pkg-config --cflags --libs newsfacet)
string(STRIP "${last_output}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run(c++ ${SOURCE_DIR}/examples/embed/main.cpp ${flags} -Wl,-rpath,${prefix}/lib -o ${WORK_DIR}/embed-pc)
run(${WORK_DIR}/embed-pc ${WORK_DIR}/index-pc)
if(NOT last_output MATCHES "kyiv-1")
  message(FATAL_ERROR "unexpected output of the pkg-config-built example:\n${last_output}")
endif()

# The installed tools run from the prefix (their run path finds the installed library).
run(${prefix}/bin/newsfacet-search --db ${WORK_DIR}/index-cmake --json embassy)
if(NOT last_output MATCHES "\"kyiv-1\"")
  message(FATAL_ERROR "the installed newsfacet-search did not find kyiv-1:\n${last_output}")
endif()
message(STATUS "installed, consumed through CMake and pkg-config, and run")
