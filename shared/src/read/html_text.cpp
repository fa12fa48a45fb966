#include "read/html_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>
#include <vector>

#include "text/text.hpp"

namespace newsfacet::detail::html {
namespace {

// Elements that never hold article text.
// (Not <form>: older sites wrap the whole page in one.)
constexpr std::array<std::string_view, 21> removed_tags = {
    "aside", "button", "canvas", "dialog", "embed", "figure", "footer", "header", "iframe", "input", "menu",
    "nav", "noscript", "object", "script", "select", "style", "svg", "template", "textarea", "video"};

// Elements that end a block of text.
constexpr std::array<std::string_view, 28> block_tags = {
    "address", "article", "blockquote", "body", "br", "dd", "div", "dl", "dt", "figcaption", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul"};

// Class and id words of boilerplate and of content (after Readability's lists): fragments
// found anywhere in a class or id, and short words that must be a whole part of one
// ("ad" in "ad-slot", not in "head" or "load").
constexpr std::array<std::string_view, 32> boilerplate_fragments = {
    "advert", "agegate", "breadcrumb", "combx", "comment", "community", "cookie", "disqus", "footer",
    "gdpr", "masthead", "menu", "newsletter", "outbrain", "pager", "pagination", "popup", "promo",
    "related", "remark", "replies", "share", "shoutbox", "sidebar", "signup", "skyscraper", "social",
    "sponsor", "subscribe", "taboola", "talkback", "widget"};
constexpr std::array<std::string_view, 10> boilerplate_parts = {"ad", "ads", "banner", "byline", "extra",
                                                                "modal", "nav", "navbar", "rss", "tools"};
constexpr std::array<std::string_view, 9> content_words = {"article", "body", "column", "content", "entry",
                                                           "main",    "post", "story",  "text"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

bool boilerplate_words(const std::string& class_and_id) {
    return mentions_any(class_and_id, boilerplate_fragments) || has_part(class_and_id, boilerplate_parts);
}

std::string class_and_id(const xmlNode* n) { return text::ascii_lower(attribute(n, "class") + " " + attribute(n, "id")); }

bool is_boilerplate(const xmlNode* n) {
    const auto tag = name(n);
    if (tag == "html" || tag == "body" || tag == "article" || tag == "main") return false;
    if (in(removed_tags, tag) || is_hidden(n)) return true;
    const auto role = attribute(n, "role");
    if (role == "navigation" || role == "complementary" || role == "banner" || role == "contentinfo" ||
        role == "dialog" || role == "menu")
        return true;
    const auto words = class_and_id(n);
    return boilerplate_words(words) && !mentions_any(words, content_words);
}

void remove_boilerplate(xmlNode* root) {
    std::vector<xmlNode*> doomed;
    walk_below(root, [&](xmlNode* n) {
        if (!is_boilerplate(n)) return true;
        doomed.push_back(n);
        return false;
    });
    for (auto* n : doomed) {
        xmlUnlinkNode(n);
        xmlFreeNode(n);
    }
}

// Characters of text under `n`, and those inside links.
struct TextSize {
    std::size_t all = 0;
    std::size_t linked = 0;
};

void measure(const xmlNode* n, bool in_link, TextSize& size) {
    for (const xmlNode* c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            const auto len = text::trim_space(reinterpret_cast<const char*>(c->content)).size();
            size.all += len;
            if (in_link) size.linked += len;
        } else if (c->type == XML_ELEMENT_NODE) {
            measure(c->children, in_link || name(c) == "a", size);
        }
    }
}

double link_density(const xmlNode* n) {
    TextSize size;
    measure(n->children, false, size);
    return size.all == 0 ? 0.0 : static_cast<double>(size.linked) / static_cast<double>(size.all);
}

// The links (with an href) under an element, whether any letter or digit lies outside
// them, and whether a bar separator (| [ ]) does.
struct LinkBar {
    int links = 0;
    bool loose_words = false;
    bool separators = false;
};

void scan_links(const xmlNode* n, LinkBar& bar) {
    for (const xmlNode* c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            for (const auto* p = c->content; *p && !bar.loose_words; ++p) {
                // A no-break space (&nbsp;, UTF-8 C2 A0) is space, as in "Home&nbsp;|&nbsp;World".
                if (p[0] == 0xC2 && p[1] == 0xA0) {
                    ++p;
                    continue;
                }
                bar.loose_words = *p >= 0x80 || std::isalnum(*p) != 0;
                bar.separators = bar.separators || *p == '|' || *p == '[' || *p == ']';
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            if (name(c) == "a" && !attribute(c, "href").empty()) ++bar.links;
            else scan_links(c->children, bar);
        }
        if (bar.loose_words) return;
    }
}

// A row of links with nothing but separators between them ("Home | Articles | Books"): an
// old page's navigation bar, whatever block holds it. Lists are left to their link density
// (a list of links may be the article's), and a bar inside a sentence's block stays.
bool is_link_bar(const xmlNode* n) {
    LinkBar bar;
    scan_links(n->children, bar);
    return bar.links >= 2 && !bar.loose_words && bar.separators;
}

bool has_block_child(const xmlNode* n) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && in(block_tags, name(c)) && name(c) != "br") return true;
    }
    return false;
}

double initial_score(const xmlNode* n) {
    const auto tag = name(n);
    double score = 0;
    if (tag == "div" || tag == "article" || tag == "main") score = 5;
    else if (tag == "pre" || tag == "td" || tag == "blockquote") score = 3;
    else if (tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" || tag == "li") score = -3;
    else if (tag == "h1" || tag == "h2" || tag == "h3" || tag == "h4" || tag == "h5" || tag == "h6" || tag == "th") score = -5;
    const auto words = class_and_id(n);
    if (mentions_any(words, content_words)) score += 25;
    if (boilerplate_words(words)) score -= 25;
    return score;
}

// A paragraph's points (1, one per comma, one per 100 bytes up to 3) for its container
// `first` and the two above it, halved and thirded.
void add_points(std::unordered_map<xmlNode*, double>& scores, xmlNode* first, const std::string& text) {
    const double points = 1.0 + static_cast<double>(std::count(text.begin(), text.end(), ',')) +
                          std::min(static_cast<double>(text.size()) / 100.0, 3.0);
    xmlNode* ancestor = first;
    for (int level = 1; level <= 3 && ancestor && ancestor->type == XML_ELEMENT_NODE; ++level) {
        auto [it, fresh] = scores.try_emplace(ancestor, 0.0);
        if (fresh) it->second = initial_score(ancestor);
        it->second += points / level;
        ancestor = ancestor->parent;
    }
}

// The text written straight into a container between its blocks ("<div>Text<br>more<div
// class=byline>"), run by run: Readability wraps each run in a paragraph of its own.
std::vector<std::string> loose_text_runs(const xmlNode* n) {
    std::vector<std::string> runs(1);
    bool space = false;
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            append_collapsed(runs.back(), reinterpret_cast<const char*>(c->content), space);
        } else if (c->type == XML_ELEMENT_NODE && name(c) != "br") {
            if (!in(block_tags, name(c))) {
                space = true;
                append_collapsed(runs.back(), text_of(c), space);
                space = true;
            } else if (!runs.back().empty()) {
                runs.emplace_back();
                space = false;
            }
        }
    }
    return runs;
}

// Readability's scoring: every paragraph gives its parent, grandparent and great-grandparent
// points for its length and commas; the best-scored container, less its links, holds the
// article.
std::unordered_map<xmlNode*, double> score_containers(xmlNode* root) {
    std::unordered_map<xmlNode*, double> scores;
    walk_below(root, [&](xmlNode* n) {
        const auto tag = name(n);
        const bool container = tag == "div" || tag == "section" || tag == "article";
        if (container && has_block_child(n)) {
            for (const auto& run : loose_text_runs(n)) {
                if (text::trim_space(run).size() >= 25) add_points(scores, n, run);
            }
            return true;
        }
        const bool paragraph = tag == "p" || tag == "pre" || tag == "td" || tag == "blockquote" || container;
        if (!paragraph) return true;
        const auto text = text_of(n);
        if (text.size() >= 25) add_points(scores, n->parent, text);
        return true;
    });
    for (auto& [node, score] : scores) score *= 1.0 - link_density(node);
    return scores;
}

// The top container and the siblings that belong with it.
std::vector<xmlNode*> content_nodes(xmlNode* root) {
    const auto scores = score_containers(root);
    xmlNode* top = nullptr;
    double best = 0;
    for (const auto& [node, score] : scores) {
        if (!top || score > best) {
            top = node;
            best = score;
        }
    }
    if (!top) return {root};
    if (!top->parent || top->parent->type != XML_ELEMENT_NODE) return {top};
    std::vector<xmlNode*> nodes;
    const double threshold = std::max(10.0, best * 0.2);
    for (xmlNode* s = top->parent->children; s; s = s->next) {
        if (s->type != XML_ELEMENT_NODE) continue;
        bool keep = s == top;
        if (auto it = scores.find(s); !keep && it != scores.end()) keep = it->second >= threshold;
        if (!keep && name(s) == "p") {
            const auto text = text_of(s);
            const double density = link_density(s);
            keep = (text.size() > 80 && density < 0.25) ||
                   (text.size() > 0 && density == 0 && text.find(". ") != std::string::npos);
        }
        if (keep) nodes.push_back(s);
    }
    return nodes;
}

// Writes the text of the kept content as paragraphs, leaving out link lists and the headline.
class TextWriter {
public:
    explicit TextWriter(std::string_view title) : m_title(text::trim_space(title)) {}

    void write(const xmlNode* n) {
        for (const xmlNode* c = n; c; c = c->next) {
            if (c->type == XML_TEXT_NODE && c->content) {
                append(reinterpret_cast<const char*>(c->content));
            } else if (c->type == XML_ELEMENT_NODE) {
                write_element(c);
            }
        }
    }

    // One element and what is below it (not its siblings).
    void write_node(const xmlNode* n) {
        if (n->type == XML_ELEMENT_NODE) write_element(n);
    }

    std::string finish() {
        flush();
        return std::move(m_out);
    }

private:
    void write_element(const xmlNode* e) {
        const auto tag = name(e);
        const bool block = in(block_tags, tag);
        if (block) flush();
        if (skipped(e, tag)) return;
        write(e->children);
        if (block) flush();
    }

    bool skipped(const xmlNode* e, std::string_view tag) {
        const bool container = tag == "ul" || tag == "ol" || tag == "div" || tag == "section" || tag == "table" || tag == "dl";
        if (container && link_density(e) > 0.5) return true;
        const bool list = tag == "ul" || tag == "ol" || tag == "li";
        if (in(block_tags, tag) && !list && is_link_bar(e)) return true;
        if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
            return text::trim_space(text_of(e)) == m_title || link_density(e) > 0.5;
        }
        return false;
    }

    void append(std::string_view s) {
        for (char c : s) {
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                m_space = true;
                continue;
            }
            if (m_space && !m_block.empty()) m_block += ' ';
            m_space = false;
            m_block += c;
        }
    }

    void flush() {
        if (!m_block.empty()) {
            if (!m_out.empty()) m_out += "\n\n";
            m_out += m_block;
        }
        m_block.clear();
        m_space = false;
    }

    std::string_view m_title;
    std::string m_out;
    std::string m_block;
    bool m_space = false;
};

xmlNode* body_of(xmlDoc* doc) {
    xmlNode* root = xmlDocGetRootElement(doc);
    xmlNode* body = nullptr;
    walk_below(root, [&](xmlNode* n) {
        if (!body && name(n) == "body") body = n;
        return !body;
    });
    return body ? body : root;
}

}  // namespace

std::string main_text(xmlDoc* doc, std::string_view title) {
    xmlNode* body = body_of(doc);
    if (!body) return {};
    remove_boilerplate(body);
    TextWriter writer(title);
    for (const xmlNode* n : content_nodes(body)) {
        if (n == body) writer.write(n->children);
        else writer.write_node(n);
    }
    return writer.finish();
}

std::string fragment_text(xmlDoc* doc) {
    xmlNode* body = body_of(doc);
    if (!body) return {};
    remove_boilerplate(body);
    TextWriter writer({});
    writer.write(body->children);
    return writer.finish();
}

}  // namespace newsfacet::detail::html
