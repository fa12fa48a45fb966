#include <newsfacet/index.hpp>

#include <thread>
#include <vector>

#include <xapian.h>

#include <newsfacet/error.hpp>

#include "text/analysis.hpp"
#include "store/database.hpp"
#include "store/document.hpp"
#include "store/index_access.hpp"
#include "store/schema.hpp"
#include "text/hash.hpp"

namespace newsfacet {
namespace {

// The ids stored through an Index whose database was empty when opened, one bit per hash of
// the id term (2^20 bits: 128 KiB, small enough for 256 shards; 1% of them set by Reuters'
// 12,865 ids, 10% by 100,000): an id whose bit is clear is surely not in that index, so
// storing it needs no lookup of its id term (a B-tree walk and reads on the writer's thread,
// 1.6% of all samples on Reuters: bench/results/peers.md, "Indexing throughput, issue 20
// (wt-idx)"). A set bit may be another id's: that id is looked up, as on any other index.
class NewIds {
public:
    explicit NewIds(bool empty_index) {
        if (empty_index) m_bits.resize(std::size_t{1} << 20);
    }

    // True if no document with this id term can be in the index; counts it as stored.
    bool claim(std::string_view id_term) {
        if (m_bits.empty()) return false;
        const auto bit = detail::fnv1a(id_term) & (m_bits.size() - 1);
        const bool surely_new = !m_bits[bit];
        m_bits[bit] = true;
        return surely_new;
    }

private:
    std::vector<bool> m_bits;
};

}  // namespace

struct Index::Impl {
    std::filesystem::path path;
    Xapian::WritableDatabase db;
    Tagger tagger;
    // This index's own (not thread-safe, see Analysis); the generator shares its stemmer.
    detail::Analysis analysis;
    Xapian::TermGenerator generator;
    // Every document reaches the database through IndexAccess::store(), which claims its id.
    NewIds new_ids;
    bool guarded = false;   // a BatchGuard lives: commit() is refused
    bool in_batch = false;  // inside a Xapian transaction (BatchGuard::open)

    Impl(std::filesystem::path p, Xapian::WritableDatabase d, Tagger t = Tagger())
        : path(std::move(p)),
          db(std::move(d)),
          tagger(std::move(t)),
          generator(detail::make_generator(analysis)),
          new_ids(db.get_doccount() == 0) {}
};

namespace detail {

PreparedArticle IndexAccess::prepare(const Article& article, const Tagging& tagging,
                                     Xapian::TermGenerator& generator, const std::string& file_term) {
    if (article.id.empty()) throw UsageError("article has no id");
    if (article.title.empty() && article.body.empty()) {
        throw UsageError("article '" + article.id + "' has no text (no title and no body)");
    }
    return {id_term(article.id), make_document(article, tagging, generator, file_term),
            article.title.size() + article.body.size()};
}

PreparedArticle IndexAccess::prepare(Index& index, const Article& article, const std::string& file_term) {
    auto& impl = *index.m_impl;
    return prepare(article, impl.tagger.tag(article), impl.generator, file_term);
}

Stored IndexAccess::store(Index& index, const PreparedArticle& prepared) {
    auto& impl = *index.m_impl;
    if (impl.new_ids.claim(prepared.id_term)) return {AddOutcome::added, impl.db.add_document(prepared.document)};
    // One lookup of the id term: replacing by docid does not look it up again, and a new
    // article is simply added.
    auto posting = impl.db.postlist_begin(prepared.id_term);
    if (posting == impl.db.postlist_end(prepared.id_term)) {
        return {AddOutcome::added, impl.db.add_document(prepared.document)};
    }
    const Xapian::docid docid = *posting;
    impl.db.replace_document(docid, prepared.document);
    return {AddOutcome::replaced, docid};
}

void IndexAccess::remove(Index& index, Xapian::docid docid) { index.m_impl->db.delete_document(docid); }

void IndexAccess::guard(Index& index, bool on) {
    if (!index.m_impl) return;
    if (on && index.m_impl->guarded) {
        throw UsageError(index.m_impl->path.string() + ": an ingest run is in progress on this index");
    }
    index.m_impl->guarded = on;
}

void IndexAccess::begin_batch(Index& index) {
    auto& impl = *index.m_impl;
    if (impl.in_batch) return;
    // A flushed transaction: committing it is a commit, atomic on disk.
    impl.db.begin_transaction(true);
    impl.in_batch = true;
}

void IndexAccess::commit_batch(Index& index) {
    if (!in_batch(index)) return;
    auto& impl = *index.m_impl;
    // Whatever happens, the transaction is over (Xapian ends it even when the commit fails).
    impl.in_batch = false;
    impl.db.commit_transaction();
}

void IndexAccess::cancel_batch(Index& index) noexcept {
    if (!in_batch(index)) return;
    auto& impl = *index.m_impl;
    impl.in_batch = false;
    try {
        impl.db.cancel_transaction();
    } catch (...) {
        // Nothing of the batch reached the disk, which is all cancelling promises.
    }
}

bool IndexAccess::in_batch(const Index& index) noexcept { return index.m_impl && index.m_impl->in_batch; }

const Xapian::Database& IndexAccess::database(const Index& index) noexcept { return index.m_impl->db; }

const std::filesystem::path& IndexAccess::path(const Index& index) noexcept { return index.m_impl->path; }

BatchGuard::BatchGuard(Index& index) : m_index(index) { IndexAccess::guard(m_index, true); }

BatchGuard::~BatchGuard() {
    IndexAccess::cancel_batch(m_index);
    IndexAccess::guard(m_index, false);
}

void BatchGuard::open() { IndexAccess::begin_batch(m_index); }

void BatchGuard::commit() { IndexAccess::commit_batch(m_index); }

bool BatchGuard::is_open() const noexcept { return IndexAccess::in_batch(m_index); }

}  // namespace detail

Index::Index(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Index Index::create_or_open(const std::filesystem::path& path) {
    return detail::translate_errors(path.native(), [&] {
        return Index(std::make_unique<Impl>(path, detail::open_for_writing(path, true)));
    });
}

namespace {

// What `open_once` returns, tried again every 100 ms while another writer holds the index,
// until `lock_wait` has passed (max: for ever).
template <typename Open>
Index open_waiting(std::chrono::milliseconds lock_wait, Open&& open_once) {
    const auto start = std::chrono::steady_clock::now();
    constexpr auto pause = std::chrono::milliseconds(100);
    for (;;) {
        try {
            return open_once();
        } catch (const IndexLockedError&) {
            const auto waited = std::chrono::steady_clock::now() - start;
            if (lock_wait != std::chrono::milliseconds::max() && waited + pause > lock_wait) throw;
        }
        std::this_thread::sleep_for(pause);
    }
}

}  // namespace

Index Index::create_or_open(const std::filesystem::path& path, std::chrono::milliseconds lock_wait) {
    return open_waiting(lock_wait, [&] { return create_or_open(path); });
}

Index detail::IndexAccess::create_or_open(const std::filesystem::path& path, std::chrono::milliseconds lock_wait,
                                          const Tagger& tagger) {
    return open_waiting(lock_wait, [&] {
        return translate_errors(path.native(), [&] {
            return Index(std::make_unique<Index::Impl>(path, open_for_writing(path, true), tagger));
        });
    });
}

Index Index::open(const std::filesystem::path& path) {
    return detail::translate_errors(path.native(), [&] {
        return Index(std::make_unique<Impl>(path, detail::open_for_writing(path, false)));
    });
}

Index::~Index() {
    if (!m_impl) return;
    // As Xapian's WritableDatabase: a batch that was not committed never was.
    if (m_impl->in_batch) {
        detail::IndexAccess::cancel_batch(*this);
        return;
    }
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
    return detail::translate_errors(m_impl->path.native(), [&] {
        return detail::IndexAccess::store(*this, detail::IndexAccess::prepare(article, tagging, m_impl->generator))
            .outcome;
    });
}

bool Index::remove(std::string_view id) {
    return detail::translate_errors(m_impl->path.native(), [&] {
        auto term = detail::id_term(id);
        if (!m_impl->db.term_exists(term)) return false;
        m_impl->db.delete_document(term);
        return true;
    });
}

void Index::commit() {
    if (m_impl->guarded) {
        throw UsageError(m_impl->path.string() +
                         ": commit() during an ingest run (from one of its callbacks) is refused: ingest commits "
                         "whole batches itself");
    }
    detail::translate_errors(m_impl->path.native(), [&] { m_impl->db.commit(); });
}

std::uint64_t Index::size() const {
    return detail::translate_errors(m_impl->path.native(), [&] { return m_impl->db.get_doccount(); });
}

IndexInfo Index::info() {
    return detail::translate_errors(m_impl->path.native(), [&] { return detail::read_info(m_impl->db, m_impl->path); });
}

std::uint64_t Index::disk_size() const { return detail::directory_size(m_impl->path); }

const Tagger& Index::tagger() const noexcept { return m_impl->tagger; }

std::uint64_t disk_size(const std::filesystem::path& path) { return detail::directory_size(path); }

}  // namespace newsfacet
