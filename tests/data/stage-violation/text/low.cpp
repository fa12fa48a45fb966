// A fixture for Stages.CheckFindsViolations: a low stage including a higher one, two ways,
// and the tools' support, which no stage may include.
#include "search/high.hpp"
#include <newsfacet/searcher.hpp>
#include <newsfacet/cli/tool.hpp>
