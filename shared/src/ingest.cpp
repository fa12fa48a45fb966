#include <newsfacet/ingest.hpp>

#include <newsfacet/reader.hpp>

namespace newsfacet {

IngestStats ingest(Index& index, const std::vector<std::filesystem::path>& paths, const IngestHandler& handler) {
    IngestStats stats;
    auto fail = [&](const InputError& e) {
        ++stats.failed;
        if (handler.on_error) handler.on_error(e);
    };
    ReadHandler reader;
    reader.on_error = fail;
    reader.on_warning = [&](const std::string& w) {
        ++stats.warnings;
        if (handler.on_warning) handler.on_warning(w);
    };
    std::string current_file;
    reader.on_article = [&](Article&& article) {
        try {
            auto outcome = index.add(article);
            ++(outcome == AddOutcome::added ? stats.added : stats.replaced);
            stats.bytes += article.title.size() + article.body.size();
        } catch (const UsageError& e) {
            fail(InputError(current_file, 0, e.what()));
        }
        if (handler.on_progress) handler.on_progress(stats);
    };
    for (const auto& path : paths) {
        current_file = path.string();
        try {
            read_articles(path, reader);
        } catch (const InputError& e) {
            fail(e);
        }
    }
    index.commit();
    return stats;
}

}  // namespace newsfacet
