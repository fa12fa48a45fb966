#pragma once
// The tagging of one article: gazetteer matches, officials, organisations and salience over the
// title, the dateline and the body. Used by Tagger (tagger.cpp); split by concern across
// article_tagger.cpp (salience, the overall run), article_tagger_places.cpp,
// article_tagger_officials.cpp and article_tagger_organizations.cpp.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>

#include "tag/gazetteer.hpp"
#include "tag/known_officials.hpp"
#include "tag/known_organizations.hpp"
#include "tag/organization_patterns.hpp"
#include "tag/roles.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace newsfacet::detail {

/// The words of a text written in capitals: each word without a lower-case letter in a run of
/// at least three such words (numbers neither break nor count), or in a field whose every
/// word is in capitals ("YEUTTER SPEAKS"). Acronyms in mixed case ("the IMF and OECD") are
/// not. `upper`: each token starts with a capital. Cost: one pass over the capitalised words.
[[nodiscard]] std::vector<std::uint8_t> mark_capitals(std::string_view text, const std::vector<text::Token>& tokens,
                                                      const std::vector<std::uint8_t>& upper);

// One field's words, with folded forms for lexicon lookups.
struct Analysed {
    std::string_view text;
    std::vector<text::Token> tokens;
    std::vector<std::string> folded;
    // Bytes rather than std::vector<bool>: read for every token, so cheap access matters.
    std::vector<std::uint8_t> upper;       // starts with a capital
    std::vector<std::uint8_t> role_start;  // an office head or modifier
    // Written in capitals among words in capitals ("PRESIDENT JONES SAID"): its capital says
    // nothing about a name (see mark_capitals).
    std::vector<std::uint8_t> caps;

    explicit Analysed(std::string_view t) : text(t), tokens(text::words(t)) {
        folded.reserve(tokens.size());
        upper.reserve(tokens.size());
        role_start.reserve(tokens.size());
        for (const auto& tok : tokens) {
            folded.push_back(text::fold(word(tok)));
            upper.push_back(text::starts_upper(word(tok)));
            // Computed once: most words can start neither a place nor an office.
            role_start.push_back(detail::is_role_word(folded.back()));
        }
        caps = mark_capitals(text, tokens, upper);
    }
    [[nodiscard]] std::string_view word(const text::Token& tok) const {
        return text.substr(tok.start, tok.end - tok.start);
    }
    [[nodiscard]] std::string_view word(std::size_t i) const { return word(tokens[i]); }
    [[nodiscard]] std::string_view gap_before(std::size_t i) const {
        if (i == 0) return text.substr(0, tokens[0].start);
        return text.substr(tokens[i - 1].end, tokens[i].start - tokens[i - 1].end);
    }
    [[nodiscard]] std::string_view gap_after(std::size_t i) const {
        auto end = i + 1 < tokens.size() ? tokens[i + 1].start : text.size();
        return text.substr(tokens[i].end, end - tokens[i].end);
    }
};

// A resolved place mention.
struct PlaceHit {
    std::size_t first;
    std::size_t last;
    std::uint32_t place;
    bool demonym;
    bool locative;
    bool passing;  // "from X", "to X": an origin or destination, not where things happen
};

// What an article says about where it is: the evidence for choosing between same-named places
// and for taking small ones (see article_tagger_places.cpp).
struct PlaceContext {
    // Countries named without doubt, with the keys of the names that named them.
    std::map<std::string, std::set<std::string>> countries;
    // Countries named by their name: not by an adjective ("French class", "Irish dancers" in
    // local news), nor as a county's name ("Guernsey County").
    std::set<std::string> nations;
    std::set<std::string> regions;        // regions named without doubt ("Louisiana", ", La.")
    std::set<std::string> weak_regions;   // regions a name may mean ("Georgia")
    std::set<std::string> local_countries;  // countries of the counties and datelines named
    std::map<std::string, std::uint32_t> resolved;  // a name's key -> the place it was read as
    std::set<std::string> person_names;   // names the article gives to people ("Paul Jackson")
};

struct OfficialHit {
    std::size_t first;  // name tokens [first, last); empty for a headline-only mention
    std::size_t last;
    std::string name;
    std::string role;
    std::string country;
    std::string key = {};  // folded surname when there are no tokens
};

// An organisation named in the body or the headline.
struct OrganizationHit {
    std::size_t first;  // tokens [first, last) of its field
    std::size_t last;
    bool title;  // in the headline, else the body
    std::string name;
    std::string kind;
    std::string country;
    bool named;    // false for a generic body of no known country ("the Foreign Ministry"): a mention only
    bool context;  // found by a context alias (see KnownOrganizations)
    bool nominal;  // named by a common noun ("the Israeli army"): evidence, but no name mention
};

/// The end of the salience lead of a body, where a mention is stronger evidence (see
/// article_tagger.cpp): the first two sentences (text::sentence_end), or the first paragraph
/// if shorter. Not the weighted lead of indexing (40 words, store/document.cpp).
[[nodiscard]] std::size_t salience_lead_end(std::string_view text);

/// True if `text` starts with a date written yyyy-mm-dd ("1996-08-30").
[[nodiscard]] bool starts_iso_date(std::string_view text);

/// True if tokens [first, last) are a dateline's place: words in capitals opening a line or
/// sentence, followed by a comma, a dash or a date ("CHARLESTON, W.Va. -", "DANIELSVILLE -
/// Madison County", "BALTIMORE 1996-08-22").
[[nodiscard]] bool dateline_like(const Analysed& field, std::size_t first, std::size_t last);

/// True if the place at token `first` qualifies a dateline's place ("ARLINGTON, Texas
/// 1996-08-31", "LIVERPOOL, N.Y. -").
[[nodiscard]] bool dateline_qualifier(const Analysed& field, std::size_t first);

/// "'s " and its typographic and tokenised forms.
[[nodiscard]] bool is_possessive_gap(std::string_view gap);

/// ", " — also as tokenised text writes it (" , ").
[[nodiscard]] bool is_comma_gap(std::string_view gap);

/// Whether the gap before token `k` (> 0) may join two words of one name: a space, or a line
/// wrapped there ("David\nMulford" in wire copy; see wrapped_line_break).
[[nodiscard]] inline bool is_name_gap(const Analysed& field, std::size_t k) {
    const auto gap = field.gap_before(k);
    return gap == " " || (gap == "\n" && wrapped_line_break(field.text, field.tokens[k - 1].end));
}

class ArticleTagger {
public:
    ArticleTagger(const detail::Gazetteer& gaz, const detail::KnownOfficials& known,
                  const detail::KnownOrganizations& orgs, const Article& article)
        : m_gaz(gaz),
          m_known(known),
          m_orgs(orgs),
          m_body(article.body),
          m_title(article.title),
          m_dateline(article.dateline),
          m_year(year_of(article.date)),
          m_then(gaz.successions_on(article.date)),
          m_lead_end(salience_lead_end(article.body)) {}

    /// Tags the article: its facets (salient values), officials and mentions. Call once.
    Tagging run();

private:
    // The places of the headline and the dateline (the body's are m_places).
    struct HeadlinePlaces {
        std::vector<PlaceHit> title;
        std::vector<PlaceHit> dateline;
    };
    // The evidence for one country, by where it comes from (see set_facets).
    struct CountryEvidence {
        double total = 0;
        double title = 0;         // from the headline
        double deep_places = 0;   // from places salient outside the lead and the dateline
        bool dateline = false;    // named by the dateline (its field, or a wire dateline opening the body)
        bool beyond_title = false;  // any evidence but the headline's
        bool title_in_mixed_case = false;  // a headline mention not in capitals
        bool party = false;       // its forces act in the story ("Russian troops")
        bool official = false;    // an official serving it is named in the lead
        // Places within the country gave evidence (not only its name): local news names its
        // towns, never its own country (see dominant_country).
        bool by_place = false;
        int mentions = 0;  // place and country mentions (not inside organisations' names)
    };
    // The evidence gathered for the facets.
    struct Salience {
        std::map<std::string, CountryEvidence> countries;  // salient at salience_threshold
        enum class Source { body, deep_place, party, official, title, title_in_capitals, dateline };
        void add(const std::string& country, double weight, Source source) {
            auto& e = countries[country];
            e.total += weight;
            if (source == Source::title || source == Source::title_in_capitals) e.title += weight;
            else e.beyond_title = true;
            if (source == Source::title) e.title_in_mixed_case = true;
            if (source == Source::deep_place) e.deep_places += weight;
            if (source == Source::dateline) e.dateline = true;
            if (source == Source::party) e.party = true;
            if (source == Source::official) e.official = true;
        }
        std::map<std::string, int> passing_cities;       // mentions not salient by themselves
        std::set<std::string> locations;                 // salient
    };
    // A known official's surname alone in the body: how often, and its first token.
    struct BareSurname {
        int count;
        std::size_t first_token;
    };

    // The steps of run(), in order.
    // Places of every field: the body's into m_places, qualified; the others returned.
    HeadlinePlaces find_all_places();
    // "Paris, Texas": a city followed by a region or country it is not in is another place
    // of that name; the qualifier stays.
    void apply_place_qualifiers();
    // A dateline's qualifier ("LIVERPOOL, N.Y.", "RAVENNA, Italy") says which country its
    // city is in: a same-named city elsewhere is not it.
    void keep_dateline_qualified(std::vector<PlaceHit>& dateline_places) const;
    // In a sports report, places that name a team ("Newcastle beat Bolton") are dropped
    // from the body's and the headline's places (tag/sports_context.hpp).
    void drop_team_names(std::vector<PlaceHit>& title_places);
    // m_officials merged by surname into people: the fullest name, role and country filled.
    [[nodiscard]] std::vector<OfficialHit> merge_people() const;
    // Adds known officials named by surname only ("Lyng said", "YEUTTER SEEKS ..."): about
    // them when named in the headline, in the salience lead, or twice.
    void add_surname_only_officials(std::vector<OfficialHit>& people) const;
    // Body places: mentions, and evidence for their countries and locations.
    void add_body_places(Tagging& out, Salience& salience) const;
    // Headline and dateline places: evidence for their countries and locations.
    void add_headline_places(const HeadlinePlaces& places, Salience& salience) const;
    // Cities named twice in passing are salient after all.
    void add_cities_named_twice(Salience& salience) const;
    // People into out.officials, and evidence for their countries.
    void add_people(Tagging& out, const std::vector<OfficialHit>& people, Salience& salience) const;
    // Official mentions: each name found, then later surname-only mentions ("Aliyev said").
    void add_official_mentions(Tagging& out, const std::vector<OfficialHit>& people) const;
    // The country whose places give most of the article's country evidence, or the only
    // country of the article when named twice; or "".
    [[nodiscard]] static std::string dominant_country(const Salience& salience);
    // Facets: the salient countries and locations, every person's name.
    static void set_facets(Tagging& out, const Salience& salience);
    // Whether a country with this evidence is salient; `datelined_elsewhere`: the dateline
    // names another country.
    [[nodiscard]] static bool salient_country(const CountryEvidence& evidence, bool datelined_elsewhere);
    // Whether anything but a headline in capitals gives the country evidence.
    [[nodiscard]] static bool borne_out(const CountryEvidence& evidence);
    // Organisations of the body and the headline into m_organizations (after the places, whose
    // countries say whose a generic body is).
    void find_organizations(const std::vector<PlaceHit>& title_places);
    // A town or region whose name starts a company's name in the article ("Piedmont Aviation
    // Inc", "Bally Manufacturing Corp") is the company wherever else it stands alone ("Piedmont
    // said", "PIEDMONT <PIE>"), unless the article also names it in a place sense ("in Bally",
    // a dateline): dropped from the body's and the headline's places.
    void drop_company_names(std::vector<PlaceHit>& title_places);
    // Organisation mentions, and the salient organisations into out.organizations and the facet.
    void add_organizations(Tagging& out) const;

    // Helpers of the steps.
    [[nodiscard]] const std::string& surname(const OfficialHit& o) const;
    [[nodiscard]] bool in_official_name(std::size_t token) const;
    // Surnames the body gives to someone else ("striker Luis Ortega").
    [[nodiscard]] std::set<std::string> surnames_of_others() const;
    [[nodiscard]] std::map<const KnownOfficial*, BareSurname> bare_surnames_in_body(
        const std::set<std::string>& others) const;
    [[nodiscard]] std::set<const KnownOfficial*> bare_surnames_in_title(const std::set<std::string>& others) const;
    // End of a wire dateline opening the body ("ODESA, March 4 (Meridian) -"): its first
    // comma, or 0.
    [[nodiscard]] std::size_t body_dateline_end() const;
    [[nodiscard]] Mention place_mention(const PlaceHit& hit) const;
    // Whether a place is followed by a currency's name ("Canadian dollar", "SWISS FRANC").
    [[nodiscard]] bool names_currency(const Analysed& field, const PlaceHit& hit) const;
    // Whether a place names an agreement or its group ("the Paris accord", "PARIS PACT", "the
    // Paris Club"): a city or region before an agreement word, a country only in a proper
    // name ("the Uruguay Round"; "the U.S.-Japan pact" is the countries').
    [[nodiscard]] bool names_agreement(const Analysed& field, const PlaceHit& hit) const;
    // Whether a body place is followed by a word for armed forces ("Russian troops").
    [[nodiscard]] bool names_forces(const PlaceHit& hit) const;
    void add_later_surname_mentions(Tagging& out, const std::vector<OfficialHit>& people) const;

    std::vector<PlaceHit> find_places(const Analysed& field, const std::vector<detail::PhraseMatch>& matches,
                                      bool dateline);
    std::vector<detail::PhraseMatch> scan(const Analysed& field, bool dateline) const;
    // Countries and regions a field's matches name (into m_context).
    void note_context(const Analysed& field, const std::vector<detail::PhraseMatch>& matches);
    // "Alexandria, La.", "Alexandria, Egypt" and dateline places: their readings into
    // m_context.resolved, for every mention of the name in the article.
    void note_qualified(const Analysed& field, const std::vector<detail::PhraseMatch>& matches, bool dateline);
    // The place a match names, by its qualifier, an earlier reading, the regions and
    // countries of the article, then size; `qualified` tells whether a qualifier decided.
    const detail::Candidate& choose(const Analysed& field, const std::vector<detail::PhraseMatch>& matches,
                                    std::size_t j, bool& qualified) const;
    // Whether a match opens the dateline field or the body's wire dateline ("LONDON, March 12
    // -"): a place a wire service names alone.
    [[nodiscard]] bool wire_dateline(const Analysed& field, const detail::PhraseMatch& m) const;
    // The place the match after matches[j] names when it qualifies it (", La.", ", Egypt").
    const Place* qualifier_of(const Analysed& field, const std::vector<detail::PhraseMatch>& matches,
                              std::size_t j) const;
    // Whether the article names `country` by another name than `key` ("Alexandria" alone
    // does not make Egypt the reading of "Alexandria").
    [[nodiscard]] bool named_apart(const std::string& country, const std::string& key) const;
    // Whether a small place ("minor") counts: context must support it.
    bool minor_supported(const Analysed& field, const detail::PhraseMatch& m, const Place& place, bool qualified,
                         bool locative, bool dateline) const;
    // Whether tokens [first, last) are a dateline opening the body's lead with a dash and a
    // sentence after it ("COLUMBUS -- A text message"): a place whatever else its name may
    // be. Not a heading or a table ("CRICKET - ENGLISH COUNTY", "LEAD - 1550 tonnes").
    [[nodiscard]] bool dashed_dateline(const Analysed& field, std::size_t first, std::size_t last) const;
    // Whether matches[j] stands in a list of countries ("Angola, Chad and Congo").
    [[nodiscard]] bool in_country_list(const Analysed& field, const std::vector<detail::PhraseMatch>& matches,
                                       std::size_t j) const;
    // A region abbreviation may follow "City," ("Alexandria, La.") or a party ("D-S.C.").
    static bool qualifier_slot(const Analysed& field, std::size_t i);
    // "Laurel County", "Caddo Parish": places no gazetteer lists, found by their pattern, as
    // hits on places of this article (m_local_places); they replace the matches inside them.
    void add_counties(const Analysed& field, std::vector<PlaceHit>& hits);
    // "Trent Bridge", "Tiananmen Square", "Taiwan Strait": a street, square, bridge, park or
    // water named by one to three name words or a place and a feature word ending the name
    // (not "Wall Street Journal"); found by their pattern like counties, of no country.
    void add_features(const Analysed& field, const std::vector<detail::PhraseMatch>& matches,
                      std::vector<PlaceHit>& hits);
    // A place of this article (m_local_places) at tokens [first, last) of `field`, replacing
    // the hits inside it.
    void add_local_place(const Analysed& field, std::vector<PlaceHit>& hits, std::size_t first, std::size_t last,
                         std::string country);
    // Counties say their country (county_country), and a parish in the United States says
    // "Louisiana" (into m_context).
    void note_counties(const Analysed& field);
    // The country of the article's counties and parishes: the one country it names that has
    // counties or parishes (Kenya, Ireland, Jamaica), else the United States ("Essex County"
    // may be English or American, "Lebanon County" is no county of Lebanon). Empty when it
    // names several such countries.
    [[nodiscard]] std::string county_country() const;
    // A gazetteer place, or one of m_local_places (indices from m_gaz.size() on).
    [[nodiscard]] const Place& place_at(std::uint32_t index) const {
        return index < m_gaz.size() ? m_gaz.place(index) : m_local_places[index - m_gaz.size()];
    }
    // The country of a place or country hit on the article's date (country_then).
    std::string country_of(const PlaceHit& hit) const;
    // The country that a place of the present country `country` lay in on the article's date:
    // the historic one it was part of then (Serbia in 1987: Yugoslavia; Russia: the Soviet
    // Union), else `country` itself.
    [[nodiscard]] const std::string& country_then(const std::string& country) const {
        for (const auto* s : m_then) {
            if (s->country == country) return s->historic;
        }
        return country;
    }
    [[nodiscard]] bool starts_major_place(const Analysed& field, std::size_t i) const;
    // Whether the name at `first` follows a given name ("Paul Jackson") mid-sentence.
    [[nodiscard]] bool after_given_name(const Analysed& field, std::size_t first) const;
    bool part_of_other_name(const Analysed& field, std::size_t first, std::size_t last, const Place& place) const;
    const PlaceHit* place_ending_at(std::size_t token) const;
    const PlaceHit* place_starting_at(std::size_t token) const;
    std::string country_before(std::size_t role_first) const;
    std::string country_after(std::size_t role_last) const;
    std::size_t name_forward(std::size_t i) const;
    std::size_t name_backward(std::size_t end) const;
    // In capitals a name is one the known-officials list holds: the end of the longest known
    // name from token `first` (a full name, or a known surname alone), or `first`.
    std::size_t known_name_forward(std::size_t first) const;
    // A name after an office in capitals: a known name, or two or three words that may be a
    // name and end the subject ("JAIME ONGPIN TOLD"). Its end, or `first`.
    std::size_t name_in_capitals(std::size_t first) const;
    // ...and before ", the minister": its start, or `end`.
    std::size_t name_in_capitals_backward(std::size_t end) const;
    bool name_word_in_capitals(std::size_t k) const;
    // ...and the start of the longest known full name ending before `end`, or `end`.
    std::size_t known_name_backward(std::size_t end) const;
    bool joins_name(std::size_t k) const;
    bool continues_name(std::size_t k) const;
    bool bare_royal_title(const detail::RoleMatch& role, const std::string& country, std::size_t first,
                          std::size_t last) const;
    bool name_ok(std::size_t first, std::size_t last) const;
    std::string name_text(std::size_t first, std::size_t last) const;
    void find_officials();
    bool private_office(const detail::RoleMatch& role) const;
    void add_official(std::size_t first, std::size_t last, const std::string& role,
                      const std::string& country);

    // A known official named in full in the body: tokens [first, last), the folded name.
    struct KnownNameMatch {
        std::size_t first;
        std::size_t last;
        std::string key;
        const detail::KnownOfficial* official;
    };
    [[nodiscard]] std::vector<KnownNameMatch> known_full_names() const;
    void use_known_officials();

    std::vector<OrganizationHit> scan_organizations(const Analysed& field, const std::vector<PlaceHit>& places,
                                                    bool title) const;
    bool inside_longer_name(const Analysed& field, const OrganizationMatch& m) const;
    std::optional<OrganizationHit> resolve_pattern(const Analysed& field, const std::vector<PlaceHit>& places,
                                                   const PatternMatch& p, bool title) const;
    std::string qualifier_country(const Analysed& field, const std::vector<PlaceHit>& places, std::size_t first,
                                  std::size_t last) const;
    void keep_context_aliases_with_support(const std::vector<PlaceHit>& title_places);
    bool in_organization_name(std::size_t token) const;
    Mention organization_mention(const OrganizationHit& hit) const;
    const detail::KnownOfficial* known_alias(const Analysed& field, std::size_t t) const;

    const detail::Gazetteer& m_gaz;
    const detail::KnownOfficials& m_known;
    const detail::KnownOrganizations& m_orgs;
    Analysed m_body;
    Analysed m_title;
    Analysed m_dateline;
    int m_year;
    std::vector<const detail::Succession*> m_then;  // the successions in force on the article's date
    std::size_t m_lead_end;  // salience_lead_end of the body, read by several steps
    std::vector<PlaceHit> m_places;
    // Place names read as part of another name or a score line ("Leeds 2 Wimbledon 0"): no
    // places, but evidence that the name is a team's (drop_team_names).
    struct NamesInNames {
        std::vector<PlaceHit> body;
        std::vector<PlaceHit> title;
    } m_names_in_names;
    PlaceContext m_context;
    std::vector<Place> m_local_places;
    std::vector<OfficialHit> m_officials;
    std::vector<OrganizationHit> m_organizations;
};

}  // namespace newsfacet::detail
