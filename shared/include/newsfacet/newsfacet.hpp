#pragma once
// Umbrella header: the whole public API of newsfacet.

#include <newsfacet/article.hpp>
#include <newsfacet/batch.hpp>
#include <newsfacet/error.hpp>
#include <newsfacet/export.hpp>
#include <newsfacet/facets.hpp>
#include <newsfacet/format.hpp>
#include <newsfacet/ingest.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/json.hpp>
#include <newsfacet/reader.hpp>
#include <newsfacet/searcher.hpp>
#include <newsfacet/shards.hpp>
#include <newsfacet/snippet.hpp>
#include <newsfacet/tagger.hpp>
#include <newsfacet/tool.hpp>
#include <newsfacet/version.hpp>
