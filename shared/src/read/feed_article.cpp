#include "read/feed_article.hpp"

#include <array>
#include <memory>
#include <optional>
#include <utility>

#include <libxml/uri.h>

#include <newsfacet/error.hpp>
#include <newsfacet/reader.hpp>

#include "read/charset.hpp"
#include "read/html_dom.hpp"
#include "read/html_meta.hpp"
#include "read/html_text.hpp"
#include "read/xml_walk.hpp"
#include "text/dates.hpp"
#include "text/language.hpp"
#include "text/text.hpp"

namespace newsfacet::detail {
namespace {

using xml::Step;

// The vocabularies feeds are written in, by namespace (or by the prefix of a name whose
// prefix was never declared, as sloppy feeds write content:encoded).
enum class Vocabulary { rss, atom, rdf, content, dublin_core, other };

Vocabulary vocabulary_of(const xmlNode* e) {
    const auto ns = xml::namespace_of(e);
    if (ns.empty() || ns == "http://purl.org/rss/1.0/" || ns == "http://my.netscape.com/rdf/simple/0.9/") {
        return Vocabulary::rss;
    }
    if (ns == "http://www.w3.org/2005/Atom" || ns == "http://purl.org/atom/ns#" || ns == "atom") return Vocabulary::atom;
    if (ns == "http://www.w3.org/1999/02/22-rdf-syntax-ns#" || ns == "rdf") return Vocabulary::rdf;
    if (ns == "http://purl.org/rss/1.0/modules/content/" || ns == "content") return Vocabulary::content;
    if (ns == "http://purl.org/dc/elements/1.1/" || ns == "http://purl.org/dc/elements/1.0/" || ns == "dc") {
        return Vocabulary::dublin_core;
    }
    return Vocabulary::other;
}

bool is(const xmlNode* e, Vocabulary vocabulary, std::string_view local) {
    return xml::local_name(e) == local && vocabulary_of(e) == vocabulary;
}

std::string trimmed(std::string_view s) { return std::string(text::trim_space(s)); }

bool is_absolute(std::string_view url) {
    const auto lower = text::ascii_lower(url.substr(0, 8));
    return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0;
}

// `link` made absolute against `base`; "" when it cannot be.
std::string resolve(const std::string& link, const std::string& base) {
    const auto l = trimmed(link);
    if (l.empty() || is_absolute(l)) return l;
    if (!is_absolute(base)) return {};
    xmlChar* built = xmlBuildURI(reinterpret_cast<const xmlChar*>(l.c_str()), reinterpret_cast<const xmlChar*>(base.c_str()));
    std::string url = built ? reinterpret_cast<const char*>(built) : "";
    xmlFree(built);
    return is_absolute(url) ? url : std::string();
}

// How a field's text is written.
enum class Markup {
    text,   ///< plain text
    html,   ///< HTML, escaped in the XML (or plain text: told by looking)
    xhtml,  ///< elements in the XML, serialised
};

struct Written {
    std::string value;
    Markup markup = Markup::text;
};

// Plain text by paragraphs: white space collapsed within them, blank lines between them.
std::string paragraphs(std::string_view s) {
    std::string out;
    std::string paragraph;
    for (auto line : text::split(s, '\n')) {
        line = text::trim_space(line);
        if (line.empty()) {
            if (!paragraph.empty()) out += (out.empty() ? "" : "\n\n") + std::exchange(paragraph, {});
            continue;
        }
        bool space = !paragraph.empty();
        for (char c : line) {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                space = true;
                continue;
            }
            if (space) paragraph += ' ';
            space = false;
            paragraph += c;
        }
    }
    if (!paragraph.empty()) out += (out.empty() ? "" : "\n\n") + paragraph;
    return out;
}

// Plain text on one line: all white space collapsed.
std::string one_line(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : text::trim_space(s)) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f') {
            space = true;
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

// The text of a field: markup turned into text, by paragraphs for a body (`block`), on one
// line for a title.
std::string as_text(const Written& w, bool block) {
    const bool markup = w.markup == Markup::xhtml ||
                        (w.markup == Markup::html && w.value.find_first_of("<&") != std::string::npos);
    if (!markup) return block ? paragraphs(w.value) : one_line(w.value);
    auto doc = html::parse(w.value, {});
    if (!doc) return {};
    if (block) return html::fragment_text(doc.get());
    return one_line(html::text_of(xmlDocGetRootElement(doc.get())));
}

// An Atom text construct (title, summary, content): its type says how it is written; content
// elsewhere (src) or in base64 has no text here.
std::optional<Written> atom_text(const xmlNode* e) {
    if (!xml::attribute(e, "src").empty()) return std::nullopt;
    const auto type = text::ascii_lower(trimmed(xml::attribute(e, "type")));
    const auto mode = text::ascii_lower(trimmed(xml::attribute(e, "mode")));  // Atom 0.3
    if (mode == "base64") return std::nullopt;
    const bool xml_type = type == "xhtml" || mode == "xml" || (type.size() > 4 && type.substr(type.size() - 4) == "/xml") ||
                          (type.size() > 4 && type.substr(type.size() - 4) == "+xml");
    if (xml_type) return Written{xml::markup_below(e), Markup::xhtml};
    if (type == "html" || type == "text/html" || mode == "escaped") return Written{xml::text_below(e), Markup::html};
    if (type.empty() || type == "text" || type.rfind("text/", 0) == 0) return Written{xml::text_below(e), Markup::text};
    return std::nullopt;  // an image, a PDF...
}

// An RSS field that may hold HTML: escaped (the usual way), or written as elements.
Written rss_html(const xmlNode* e) {
    for (const xmlNode* c = e->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) return Written{xml::markup_below(e), Markup::xhtml};
    }
    return Written{xml::text_below(e), Markup::html};
}

// An Atom link that points at the entry's page: rel="alternate", or no rel.
bool is_alternate(const xmlNode* link) {
    const auto rel = trimmed(xml::attribute(link, "rel"));
    return rel.empty() || rel == "alternate";
}

// A link element's address: Atom's href, RSS's text (or an href some feeds write there).
std::string link_of(const xmlNode* e) {
    if (vocabulary_of(e) == Vocabulary::atom) return is_alternate(e) ? trimmed(xml::attribute(e, "href")) : std::string();
    auto text = trimmed(xml::text_below(e));
    return text.empty() ? trimmed(xml::attribute(e, "href")) : text;
}

// The dates of an item, in the order they are trusted.
enum DateKind { published, pub_date, dc_date, updated, date_kinds };

// One item or entry as read, before the feed's own fields are known: its texts already
// turned into text (a feed's markup is most of its bytes), its addresses as written.
struct RawItem {
    std::size_t line = 0;
    std::string title;
    std::string link;
    std::string base;  // xml:base in scope
    std::string guid;
    bool guid_is_permalink = false;
    std::string about;  // rdf:about
    std::string atom_id;
    std::string body;  // the fullest text so far
    std::array<std::string, date_kinds> dates;
    std::string source;
    std::string language;
};

// The feed's own fields.
struct Channel {
    Written title;
    std::string link;
    std::string language;
};

// Keeps the text of `candidate` as the body if it is the fullest yet.
void offer_body(const Written& candidate, RawItem& item) {
    auto text = as_text(candidate, true);
    if (text.size() > item.body.size()) item.body = std::move(text);
}

void read_rss_field(const xmlNode* c, std::string_view name, RawItem& item) {
    if (name == "title") item.title = as_text(rss_html(c), false);
    else if (name == "link" && item.link.empty()) item.link = link_of(c);
    else if (name == "description") offer_body(rss_html(c), item);
    else if (name == "pubDate") item.dates[pub_date] = trimmed(xml::text_below(c));
    else if (name == "source") item.source = trimmed(xml::text_below(c));
    else if (name == "guid") {
        item.guid = trimmed(xml::text_below(c));
        item.guid_is_permalink = trimmed(xml::attribute(c, "isPermaLink")) != "false";
    }
}

void read_atom_field(const xmlNode* c, std::string_view name, RawItem& item) {
    if (name == "title") {
        if (auto t = atom_text(c)) item.title = as_text(*t, false);
    } else if (name == "link" && item.link.empty()) {
        item.link = link_of(c);
    } else if (name == "content" || name == "summary") {
        if (auto t = atom_text(c)) offer_body(*t, item);
    } else if (name == "published" || name == "issued") {
        item.dates[published] = trimmed(xml::text_below(c));
    } else if (name == "updated" || name == "modified") {
        item.dates[updated] = trimmed(xml::text_below(c));
    } else if (name == "id") {
        item.atom_id = trimmed(xml::text_below(c));
    } else if (name == "source") {
        for (const xmlNode* s = c->children; s; s = s->next) {
            if (s->type != XML_ELEMENT_NODE || !is(s, Vocabulary::atom, "title")) continue;
            if (auto t = atom_text(s)) item.source = as_text(*t, false);
        }
    }
}

RawItem read_item(xmlNode* e) {
    RawItem item;
    item.line = static_cast<std::size_t>(std::max(0L, xmlGetLineNo(e)));
    item.about = trimmed(xml::attribute(e, "about"));
    item.language = trimmed(xml::language_of(e));
    item.base = trimmed(xml::base_of(e));
    for (const xmlNode* c = e->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const auto name = xml::local_name(c);
        switch (vocabulary_of(c)) {
            case Vocabulary::rss: read_rss_field(c, name, item); break;
            case Vocabulary::atom: read_atom_field(c, name, item); break;
            case Vocabulary::content:
                if (name == "encoded") offer_body(rss_html(c), item);
                break;
            case Vocabulary::dublin_core:
                if (name == "date") item.dates[dc_date] = trimmed(xml::text_below(c));
                if (name == "language") item.language = trimmed(xml::text_below(c));
                break;
            default: break;
        }
    }
    return item;
}

// An RFC 822 (RSS) or RFC 3339 (Atom, Dublin Core) date in UTC, or "" for neither.
std::string parse_date(const std::string& written) {
    if (auto date = rfc822_date(written); !date.empty()) return date;
    try {
        return normalize_date(written);
    } catch (const Error&) {
        return {};
    }
}

// Reads the elements of a feed as libxml2 streams them.
class FeedVisitor final : public xml::Visitor {
public:
    Step enter(xmlNode* e, int depth) override {
        if (depth == 0) return enter_root(e);
        if (is_item(e)) return Step::take;
        if (depth == 1 && m_dialect != Dialect::atom && is(e, Vocabulary::rss, "channel")) return Step::descend;
        const auto name = xml::local_name(e);
        return name == "title" || name == "link" || name == "language" ? Step::take : Step::skip;
    }

    void take(xmlNode* e) override {
        if (is_item(e)) m_items.push_back(read_item(e));
        else read_channel_field(e);
    }

    void restart() override {
        m_items.clear();
        m_channel = {};
    }

    [[nodiscard]] bool is_feed() const { return m_dialect != Dialect::none; }
    [[nodiscard]] const std::string& root() const { return m_root; }
    [[nodiscard]] std::vector<RawItem>& items() { return m_items; }
    [[nodiscard]] const Channel& channel() const { return m_channel; }

private:
    enum class Dialect { none, rss, rdf, atom };

    Step enter_root(xmlNode* e) {
        m_root = std::string(html::name(e));
        const auto name = xml::local_name(e);
        if (name == "rss" && vocabulary_of(e) == Vocabulary::rss) m_dialect = Dialect::rss;
        else if (name == "RDF" && vocabulary_of(e) == Vocabulary::rdf) m_dialect = Dialect::rdf;
        else if (name == "feed" && vocabulary_of(e) == Vocabulary::atom) m_dialect = Dialect::atom;
        else m_dialect = Dialect::none;
        if (m_dialect == Dialect::atom) m_channel.language = trimmed(xml::language_of(e));
        return m_dialect == Dialect::none ? Step::skip : Step::descend;
    }

    [[nodiscard]] bool is_item(const xmlNode* e) const {
        return m_dialect == Dialect::atom ? is(e, Vocabulary::atom, "entry") : is(e, Vocabulary::rss, "item");
    }

    void read_channel_field(const xmlNode* e) {
        const auto name = xml::local_name(e);
        const auto vocabulary = vocabulary_of(e);
        if (vocabulary == Vocabulary::atom && name == "title") {
            if (auto t = atom_text(e)) m_channel.title = std::move(*t);
        } else if (vocabulary == Vocabulary::rss && name == "title") {
            m_channel.title = rss_html(e);
        } else if ((vocabulary == Vocabulary::rss || vocabulary == Vocabulary::atom) && name == "link" &&
                   m_channel.link.empty()) {
            m_channel.link = resolve(link_of(e), trimmed(xml::base_of(e)));
        } else if ((vocabulary == Vocabulary::rss || vocabulary == Vocabulary::dublin_core) && name == "language") {
            m_channel.language = trimmed(xml::text_below(e));
        }
    }

    Dialect m_dialect = Dialect::none;
    std::string m_root;
    Channel m_channel;
    std::vector<RawItem> m_items;
};

// The item's address and id (see read_feed).
void identify(const RawItem& raw, const Channel& channel, std::size_t position, const std::string& default_id,
              Article& a) {
    a.url = resolve(raw.link, raw.base.empty() ? channel.link : raw.base);
    if (a.url.empty() && raw.guid_is_permalink && is_absolute(raw.guid)) a.url = raw.guid;
    if (a.url.empty() && is_absolute(raw.about)) a.url = raw.about;
    a.id = a.url.empty() ? std::string() : normalize_url(a.url);
    if (a.id.empty()) a.id = !raw.guid.empty() ? raw.guid : raw.atom_id;
    if (a.id.empty()) a.id = default_id + "#" + std::to_string(position);
}

// The first of an item's dates that is one; a warning when it has dates and none is.
std::string date_of(const RawItem& raw, std::vector<std::string>& warnings) {
    const std::string* unreadable = nullptr;
    for (const auto& written : raw.dates) {
        if (written.empty()) continue;
        if (auto date = parse_date(written); !date.empty()) return date;
        if (!unreadable) unreadable = &written;
    }
    if (unreadable) {
        warnings.push_back("line " + std::to_string(raw.line) + ": '" + *unreadable +
                           "' is not an RFC 822 or RFC 3339 date; item kept without a date");
    }
    return {};
}

// Turns what the visitor read into articles (or errors for items without text).
void finish(FeedVisitor& visitor, const std::string& default_id, Feed& feed) {
    const Channel& channel = visitor.channel();
    auto source = as_text(channel.title, false);
    if (source.empty()) source = html::choose_source({}, channel.link);
    std::size_t position = 0;
    for (auto& raw : visitor.items()) {
        ++position;
        Article a;
        identify(raw, channel, position, default_id, a);
        a.title = std::move(raw.title);
        a.body = std::move(raw.body);
        if (a.title.empty() && a.body.empty()) {
            feed.errors.push_back({raw.line, "item " + std::to_string(position) + " ('" + a.id + "') has no title and no text"});
            continue;
        }
        a.date = date_of(raw, feed.warnings);
        a.source = raw.source.empty() ? source : raw.source;
        a.language = text::language_tag(raw.language.empty() ? channel.language : raw.language);
        feed.items.push_back(std::move(a));
    }
}

}  // namespace

Feed read_feed(std::string_view bytes, const std::string& default_id) {
    Feed feed;
    if (bytes.size() > max_feed_bytes) {
        feed.errors.push_back({0, "feed of " + std::to_string(bytes.size() >> 20) + " MiB is larger than the " +
                                      std::to_string(max_feed_bytes >> 20) + " MiB a feed may be"});
        return feed;
    }
    // Most feeds are UTF-8 already: no copy of them.
    const bool utf8 = bytes.substr(0, 3) != "\xEF\xBB\xBF" && text::first_invalid_utf8(bytes) == std::string_view::npos;
    const auto decoded = utf8 ? DecodedPage{} : decode_page(bytes, {});
    FeedVisitor visitor;
    const auto outcome = xml::walk(utf8 ? bytes : std::string_view(decoded.text), visitor);
    if (visitor.root().empty()) {
        const auto& why = outcome.error;
        feed.errors.push_back({outcome.error_line, why.empty()                          ? "not a feed: no root element"
                                                   : why.rfind("not readable", 0) == 0 ? why
                                                                                       : "not readable as XML: " + why});
        return feed;
    }
    if (!visitor.is_feed()) {
        feed.errors.push_back({0, "not a feed: its root element is <" + visitor.root() +
                                      ">, not RSS's <rss>, RSS 1.0's <rdf:RDF> or Atom's <feed>"});
        return feed;
    }
    if (!decoded.warning.empty()) feed.warnings.push_back(decoded.warning);
    if (!outcome.warning.empty()) feed.warnings.push_back(outcome.warning);
    finish(visitor, default_id, feed);
    if (!outcome.error.empty()) {
        feed.errors.push_back({outcome.error_line, "feed not read past this point: " + outcome.error});
    } else if (visitor.items().empty()) {
        feed.warnings.push_back("a feed without items: nothing to index");
    }
    return feed;
}

}  // namespace newsfacet::detail
