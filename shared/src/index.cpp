#include <newsfacet/index.hpp>

#include <cstdlib>

#include <xapian.h>

#include <newsfacet/error.hpp>

#include "analysis.hpp"
#include "database.hpp"
#include "document.hpp"
#include "index_access.hpp"
#include "schema.hpp"

namespace newsfacet {

struct Index::Impl {
    std::filesystem::path path;
    Xapian::WritableDatabase db;
    Tagger tagger;
    std::shared_ptr<const detail::Analysis> analysis;
    Xapian::TermGenerator generator;

    Impl(std::filesystem::path p, Xapian::WritableDatabase d)
        : path(std::move(p)), db(std::move(d)), analysis(detail::make_analysis()),
          generator(detail::make_generator(*analysis)) {}
};

namespace detail {

Xapian::TermGenerator make_generator(const Analysis& analysis) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(analysis.stemmer);
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    return generator;
}

PreparedArticle IndexAccess::prepare(const Article& article, const Tagging& tagging,
                                     Xapian::TermGenerator& generator) {
    if (article.id.empty()) throw UsageError("article has no id");
    if (article.title.empty() && article.body.empty()) {
        throw UsageError("article '" + article.id + "' has no text (no title and no body)");
    }
    try {
        return {id_term(article.id), make_document(article, tagging, generator),
                article.title.size() + article.body.size()};
    } catch (const Xapian::Error& e) {
        rethrow(e, "article '" + article.id + "'");
    }
}

AddOutcome IndexAccess::store(Index& index, const PreparedArticle& prepared) {
    auto& impl = *index.m_impl;
    try {
        // replace_document would look the id term up again to find that there is nothing
        // to replace: a new article is simply added.
        if (!impl.db.term_exists(prepared.id_term)) {
            impl.db.add_document(prepared.document);
            return AddOutcome::added;
        }
        impl.db.replace_document(prepared.id_term, prepared.document);
        return AddOutcome::replaced;
    } catch (const Xapian::Error& e) {
        rethrow(e, impl.path.string());
    }
}

}  // namespace detail

Index::Index(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Index Index::create_or_open(const std::filesystem::path& path) {
    return Index(std::make_unique<Impl>(path, detail::open_for_writing(path, true)));
}

Index Index::open(const std::filesystem::path& path) {
    return Index(std::make_unique<Impl>(path, detail::open_for_writing(path, false)));
}

Index::~Index() {
    if (!m_impl) return;
    try {
        m_impl->db.commit();
    } catch (...) {
        // Destructors must not throw; callers wanting to know call commit() themselves.
    }
}

Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;

AddOutcome Index::add(const Article& article) { return add(article, m_impl->tagger.tag(article)); }

AddOutcome Index::add(const Article& article, const Tagging& tagging) {
    return detail::IndexAccess::store(*this, detail::IndexAccess::prepare(article, tagging, m_impl->generator));
}

bool Index::remove(std::string_view id) {
    try {
        auto term = detail::id_term(id);
        if (!m_impl->db.term_exists(term)) return false;
        m_impl->db.delete_document(term);
        return true;
    } catch (const Xapian::Error& e) {
        detail::rethrow(e, m_impl->path.string());
    }
}

void Index::commit() {
    try {
        m_impl->db.commit();
    } catch (const Xapian::Error& e) {
        detail::rethrow(e, m_impl->path.string());
    }
}

std::uint64_t Index::size() const { return m_impl->db.get_doccount(); }

IndexInfo Index::info() const { return detail::read_info(m_impl->db, m_impl->path); }

std::uint64_t Index::disk_size() const { return detail::directory_size(m_impl->path); }

const Tagger& Index::tagger() const noexcept { return m_impl->tagger; }

std::filesystem::path default_index_path() {
    const char* env = std::getenv("NEWSFACET_DB");
    if (env && *env) return env;
    return "newsfacet.db";
}

}  // namespace newsfacet
