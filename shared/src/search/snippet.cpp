#include <newsfacet/snippet.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "search/snippet_builder.hpp"
#include "text/sentences.hpp"
#include "text/analysis.hpp"
#include "text/terms.hpp"
#include "text/text.hpp"

namespace newsfacet {

namespace {

void append_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out.push_back(c);
        }
    }
}

template <typename Append>
std::string render(const Snippet& s, const std::string& open, const std::string& close, Append append) {
    std::string out;
    std::size_t pos = 0;
    for (const auto& [start, end] : s.highlights) {
        if (start < pos || end > s.text.size() || start >= end) continue;
        append(out, std::string_view(s.text).substr(pos, start - pos));
        out += open;
        append(out, std::string_view(s.text).substr(start, end - start));
        out += close;
        pos = end;
    }
    append(out, std::string_view(s.text).substr(pos));
    return out;
}

}  // namespace

std::string Snippet::to_html() const { return render(*this, "<mark>", "</mark>", append_escaped); }

std::string Snippet::marked(const std::string& open, const std::string& close) const {
    return render(*this, open, close, [](std::string& out, std::string_view t) { out.append(t); });
}

namespace detail {

bool HighlightSpec::add_term(const std::string& raw, HighlightKey key) {
    const auto term = read_text_term(raw);
    if (!term) return false;
    auto& map = term->stemmed ? stems : words;
    auto [it, inserted] = map.emplace(term->text, key);
    if (!inserted && it->second.weight < key.weight) it->second = key;
    return true;
}

namespace {

// Cuts [start, end) to at most max_bytes around `focus`, at word boundaries.
std::pair<std::size_t, std::size_t> window(std::string_view text, std::size_t start, std::size_t end,
                                           std::size_t focus, std::size_t max_bytes) {
    if (end - start <= max_bytes) return {start, end};
    std::size_t before_focus = max_bytes / 4;
    std::size_t s = focus > start + before_focus ? focus - before_focus : start;
    std::size_t e = std::min(end, s + max_bytes);
    if (e == end) s = end > max_bytes ? std::max(start, end - max_bytes) : start;
    // Move to word boundaries, never splitting a UTF-8 sequence.
    if (s > start) {
        while (s < e && text[s] != ' ') ++s;
        while (s < e && text[s] == ' ') ++s;
    }
    if (e < end) {
        while (e > s && text[e] != ' ') --e;
    }
    return {s, e};
}

}  // namespace

namespace {

// Whether `word` may stem to one of the spec's stems. The English Snowball stemmer rewrites
// endings and drops a leading apostrophe, never a word's first letter ("lying" -> "lie"), so
// a word beginning with no stem's first byte is not worth stemming, unless the thesaurus maps
// it first ("struck" -> "strike"). In a snippet most words fail this test: the stemmer's
// memo, a large table shared by every search on the thread, is then not touched for them.
bool may_stem_to(std::string_view word, std::string_view stem_starts, const IrregularForms& irregular) {
    if (word.empty() || word.front() == '\'') return true;
    if (stem_starts.find(word.front()) != std::string_view::npos) return true;
    return irregular.find(std::string(word)) != irregular.end();
}

// True if `token` is one upper-case ASCII letter ("U" of "U.S.").
bool capital_letter(std::string_view text, const text::Token& token) {
    return token.end == token.start + 1 && text[token.start] >= 'A' && text[token.start] <= 'Z';
}

// `tokens` with each dotted acronym ("U.S.", "E.U") made one token, its last dot included:
// Xapian's TermGenerator indexes it as one word ("us"), so only as one token can it be
// highlighted for that word. As the TermGenerator, single capitals joined by single dots
// (ASCII ones here: acronyms in news are).
std::vector<text::Token> with_acronyms_joined(std::string_view text, const std::vector<text::Token>& tokens) {
    std::vector<text::Token> out;
    for (std::size_t i = 0; i < tokens.size();) {
        std::size_t j = i;
        while (j + 1 < tokens.size() && capital_letter(text, tokens[j]) && capital_letter(text, tokens[j + 1]) &&
               tokens[j + 1].start == tokens[j].end + 1 && text[tokens[j].end] == '.') {
            ++j;
        }
        if (j == i) {
            out.push_back(tokens[i++]);
            continue;
        }
        std::size_t end = tokens[j].end;
        if (end < text.size() && text[end] == '.') ++end;
        out.push_back({tokens[i].start, end});
        i = j + 1;
    }
    return out;
}

}  // namespace

Snippet make_snippet(std::string_view text, const HighlightSpec& spec, const Analysis& analysis,
                     std::size_t max_bytes) {
    Snippet out;
    if (text.empty()) return out;
    const auto tokens = with_acronyms_joined(text, text::words(text));
    // Which words match, and how much each is worth.
    std::vector<double> weight(tokens.size(), 0);
    std::vector<int> group_id(tokens.size(), -1);
    std::unordered_map<std::string, HighlightKey> cache;
    std::string stem_starts;
    for (const auto& stem : spec.stems)
        if (!stem.first.empty()) stem_starts.push_back(stem.first.front());
    if (!spec.empty()) {
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            auto lower = text::fold(text.substr(tokens[i].start, tokens[i].end - tokens[i].start));
            std::erase(lower, '.');  // an acronym's key is its letters: "U.S." is "us"
            auto it = cache.find(lower);
            if (it == cache.end()) {
                HighlightKey k{-1, 0};
                if (auto wi = spec.words.find(lower); wi != spec.words.end()) k = wi->second;
                if (may_stem_to(lower, stem_starts, analysis.thesaurus.irregular())) {
                    auto stem = analysis.stemmer(lower);
                    if (auto si = spec.stems.find(stem); si != spec.stems.end() && si->second.weight > k.weight) {
                        k = si->second;
                    }
                }
                it = cache.emplace(lower, k).first;
            }
            weight[i] = it->second.weight;
            group_id[i] = it->second.group_id;
        }
    }
    auto sentences = text::sentences(text);
    if (sentences.empty()) return out;
    // Score: per query word group its best match in the sentence, plus a little for repeats, so a
    // sentence covering more of the question wins over one repeating a single word.
    std::size_t best = 0;
    double best_score = 0;
    std::size_t t = 0;
    std::vector<std::size_t> first_token(sentences.size());
    for (std::size_t si = 0; si < sentences.size(); ++si) {
        while (t < tokens.size() && tokens[t].start < sentences[si].start) ++t;
        first_token[si] = t;
        std::map<int, double> best_of;
        double score = 0;
        for (std::size_t k = t; k < tokens.size() && tokens[k].end <= sentences[si].end; ++k) {
            if (weight[k] <= 0) continue;
            auto& b = best_of[group_id[k]];
            score += 0.05 * weight[k];
            b = std::max(b, weight[k]);
        }
        for (const auto& [c, w] : best_of) score += w;
        if (score > best_score + 1e-9) {
            best_score = score;
            best = si;
        }
    }
    std::size_t start = sentences[best].start;
    std::size_t end = sentences[best].end;
    // Extend with following (then preceding) sentences while they fit.
    std::size_t next = best + 1;
    while (next < sentences.size() && sentences[next].end - start <= max_bytes) end = sentences[next++].end;
    std::size_t prev = best;
    while (prev > 0 && end - sentences[prev - 1].start <= max_bytes) start = sentences[--prev].start;
    std::size_t focus = start;
    for (std::size_t k = first_token[best]; k < tokens.size() && tokens[k].end <= sentences[best].end; ++k) {
        if (weight[k] > 0) {
            focus = tokens[k].start;
            break;
        }
    }
    auto [s, e] = window(text, start, end, focus, max_bytes);
    bool cut_start = s > sentences[prev].start;
    bool cut_end = e < end;
    // Newlines inside a passage read as spaces.
    std::string body(text.substr(s, e - s));
    std::replace(body.begin(), body.end(), '\n', ' ');
    std::size_t offset = 0;
    if (cut_start) {
        out.text = "\xE2\x80\xA6";
        offset = out.text.size();
    }
    out.text += body;
    if (cut_end) out.text += "\xE2\x80\xA6";
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        if (weight[k] <= 0 || tokens[k].start < s || tokens[k].end > e) continue;
        out.highlights.emplace_back(tokens[k].start - s + offset, tokens[k].end - s + offset);
    }
    return out;
}

}  // namespace detail
}  // namespace newsfacet
