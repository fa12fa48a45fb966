#pragma once
// Umbrella header: the whole public API of newsfacet. (The command-line tools' support,
// <newsfacet/cli/...>, is a separate static library: shared/cli/.)

#include <newsfacet/article.hpp>
#include <newsfacet/batch.hpp>
#include <newsfacet/error.hpp>
#include <newsfacet/export.hpp>
#include <newsfacet/facets.hpp>
#include <newsfacet/ingest.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/json.hpp>
#include <newsfacet/reader.hpp>
#include <newsfacet/searcher.hpp>
#include <newsfacet/shards.hpp>
#include <newsfacet/snippet.hpp>
#include <newsfacet/tagger.hpp>
#include <newsfacet/version.hpp>
