// A fixture for Stages.CheckFindsViolations: a low stage including a higher one, two ways.
#include "search/high.hpp"
#include <newsfacet/searcher.hpp>
