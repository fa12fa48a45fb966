# Checks the library's stage rule (docs/DESIGN.md, "Stages"): every source of shared/src lives
# in a stage folder, and a stage includes only itself and the stages below it, whether through
# a private header ("store/schema.hpp") or a public one implemented in a stage
# (<newsfacet/searcher.hpp> belongs to search/).
#
#   cmake -DSRC_DIR=shared/src [-DSTAGES=text;read;...] -P check_stages.cmake
#
# Prints each violation as FILE: LINE and fails (exit status 1) if there is any.

if(NOT SRC_DIR)
  message(FATAL_ERROR "check_stages.cmake: set SRC_DIR")
endif()

get_filename_component(SRC_DIR "${SRC_DIR}" ABSOLUTE)

# The stages, lowest first: each may include those before it.
if(NOT STAGES)
  set(STAGES text read tag store search output)
endif()

# Public headers implemented in a stage (<newsfacet/cli/...> is no stage's: the tools'
# support, shared/cli/, builds on the library and no stage may include it). Headers not listed (article, error, export, version,
# snippet, facets' plain structs) are vocabulary every stage may use.
set(public_stage_facets text)
set(public_stage_reader read)
set(public_stage_tagger tag)
set(public_stage_index store)
set(public_stage_ingest store)
set(public_stage_shards store)
set(public_stage_searcher search)
set(public_stage_batch search)
set(public_stage_json output)
set(public_stage_newsfacet output)

set(violations "")

file(GLOB loose RELATIVE ${SRC_DIR} ${SRC_DIR}/*.cpp ${SRC_DIR}/*.hpp)
foreach(f IN LISTS loose)
  string(APPEND violations "${f}: not in a stage folder\n")
endforeach()

file(GLOB entries RELATIVE ${SRC_DIR} ${SRC_DIR}/*)
foreach(entry IN LISTS entries)
  if(IS_DIRECTORY ${SRC_DIR}/${entry})
    list(FIND STAGES ${entry} rank)
    if(rank EQUAL -1)
      string(APPEND violations "${entry}/: a folder that is not a stage (${STAGES})\n")
    endif()
  endif()
endforeach()

foreach(stage IN LISTS STAGES)
  list(FIND STAGES ${stage} own_rank)
  file(GLOB_RECURSE sources RELATIVE ${SRC_DIR} ${SRC_DIR}/${stage}/*.cpp ${SRC_DIR}/${stage}/*.hpp)
  foreach(source IN LISTS sources)
    file(STRINGS ${SRC_DIR}/${source} includes REGEX "^[ \t]*#[ \t]*include")
    foreach(line IN LISTS includes)
      set(target "")
      if(line MATCHES "#[ \t]*include[ \t]*\"([^/\"]+)/[^\"]+\"")
        set(target ${CMAKE_MATCH_1})
      elseif(line MATCHES "#[ \t]*include[ \t]*\"[^/\"]+\"")
        string(APPEND violations "${source}: ${line} (name the stage folder)\n")
        continue()
      elseif(line MATCHES "#[ \t]*include[ \t]*<newsfacet/cli/")
        string(APPEND violations "${source}: ${line} (the library may not use the tools' support, shared/cli/)\n")
        continue()
      elseif(line MATCHES "#[ \t]*include[ \t]*<newsfacet/([a-z_]+)\\.hpp>")
        set(target "${public_stage_${CMAKE_MATCH_1}}")
      endif()
      if(target STREQUAL "")
        continue()
      endif()
      list(FIND STAGES ${target} target_rank)
      if(target_rank EQUAL -1 OR target_rank GREATER own_rank)
        string(APPEND violations "${source}: ${line} (${stage}/ may not include ${target}/)\n")
      endif()
    endforeach()
  endforeach()
endforeach()

if(NOT violations STREQUAL "")
  message(NOTICE "${violations}")
  message(FATAL_ERROR "the stage rule is broken (above)")
endif()
message(STATUS "stage rule holds in ${SRC_DIR}")
