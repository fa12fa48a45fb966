// The tagger through the public API, on the seed article; canonical values and facet keys.
#include <gtest/gtest.h>

#include <newsfacet/newsfacet.hpp>

#include "api_support.hpp"

using newsfacet::Facet;
using newsfacet::Official;
using newsfacet::Tagger;
using newsfacet::Tagging;
using newsfacet::facet_key;

namespace {

newsfacet::Article read_seed() {
    auto read = newsfacet::testing::read_all(newsfacet::testing::corpus_dir() / newsfacet::testing::seed_id);
    EXPECT_TRUE(read.errors.empty());
    EXPECT_EQ(read.articles.size(), 1u);
    return read.articles.empty() ? newsfacet::Article{} : read.articles.front();
}

const Official* find_official(const Tagging& t, const std::string& name) {
    for (const auto& o : t.officials) {
        if (o.name == name) return &o;
    }
    return nullptr;
}

class ApiTaggerSeed : public ::testing::Test {
protected:
    void SetUp() override {
        m_article = read_seed();
        m_tagging = Tagger().tag(m_article);
    }
    newsfacet::Article m_article;
    Tagging m_tagging;
};

}  // namespace

TEST_F(ApiTaggerSeed, ArticleIsReadWithFileNameIdAndFirstSentenceTitle) {
    EXPECT_EQ(m_article.id, newsfacet::testing::seed_id);
    EXPECT_EQ(m_article.title.rfind("Russian forces struck the grounds of Azerbaijan", 0), 0u) << m_article.title;
    EXPECT_EQ(m_article.title.back(), '.');
    EXPECT_EQ(m_article.body.rfind("Russian forces struck", 0), 0u);
}

TEST_F(ApiTaggerSeed, Countries) {
    EXPECT_EQ(m_tagging.facets.country, (std::vector<std::string>{"Azerbaijan", "Russia", "Ukraine"}));
}

TEST_F(ApiTaggerSeed, Officials) {
    EXPECT_EQ(m_tagging.facets.official,
              (std::vector<std::string>{"Ilham Aliyev", "Mikhail Yevdokimov", "Volodymyr Zelensky"}));
}

TEST_F(ApiTaggerSeed, LocationsIncludeKyivAndKharkiv) {
    const auto& loc = m_tagging.facets.location;
    EXPECT_TRUE(newsfacet::testing::contains(loc, "Kyiv"));
    EXPECT_TRUE(newsfacet::testing::contains(loc, "Kharkiv"));
    EXPECT_TRUE(std::is_sorted(loc.begin(), loc.end()));
}

TEST_F(ApiTaggerSeed, OfficialsCarryRolesAndCountries) {
    ASSERT_EQ(m_tagging.officials.size(), 3u);
    const auto* aliyev = find_official(m_tagging, "Ilham Aliyev");
    const auto* zelensky = find_official(m_tagging, "Volodymyr Zelensky");
    const auto* yevdokimov = find_official(m_tagging, "Mikhail Yevdokimov");
    ASSERT_NE(aliyev, nullptr);
    ASSERT_NE(zelensky, nullptr);
    ASSERT_NE(yevdokimov, nullptr);
    EXPECT_EQ(aliyev->role, "President");
    EXPECT_EQ(aliyev->country, "Azerbaijan");
    EXPECT_EQ(zelensky->role, "President");
    EXPECT_EQ(zelensky->country, "Ukraine");
    EXPECT_EQ(yevdokimov->role, "Ambassador");
    EXPECT_EQ(yevdokimov->country, "Russia");
}

TEST_F(ApiTaggerSeed, ForeignMinistryIsNotAnOfficial) {
    for (const auto& o : m_tagging.officials) EXPECT_EQ(o.name.find("Ministry"), std::string::npos) << o.name;
    for (const auto& m : m_tagging.mentions) {
        if (m.facet == Facet::official) {
            EXPECT_EQ(m.value.find("Ministry"), std::string::npos) << m.value;
        }
    }
    EXPECT_FALSE(newsfacet::testing::contains(m_tagging.facets.official, "Foreign Ministry"));
}

TEST_F(ApiTaggerSeed, MentionOffsetsPointIntoTheBody) {
    ASSERT_FALSE(m_tagging.mentions.empty());
    std::size_t prev_start = 0;
    for (const auto& m : m_tagging.mentions) {
        ASSERT_LT(m.start, m.end);
        ASSERT_LE(m.end, m_article.body.size());
        EXPECT_EQ(m_article.body.substr(m.start, m.end - m.start), m.text) << m.value;
        EXPECT_GE(m.start, prev_start);  // in body order
        prev_start = m.start;
    }
}

TEST_F(ApiTaggerSeed, MentionsCoverNamesDemonymsAndOfficials) {
    bool demonym = false, azerbaijan_name = false, kyiv = false;
    for (const auto& m : m_tagging.mentions) {
        if (m.facet == Facet::country && m.value == "Azerbaijan" && m.text == "Azerbaijani") {
            demonym = true;
            EXPECT_TRUE(m.demonym);
        }
        if (m.facet == Facet::country && m.value == "Azerbaijan" && m.text == "Azerbaijan") {
            azerbaijan_name = true;
            EXPECT_FALSE(m.demonym);
        }
        if (m.facet == Facet::location && m.value == "Kyiv") kyiv = true;
    }
    EXPECT_TRUE(demonym);
    EXPECT_TRUE(azerbaijan_name);
    EXPECT_TRUE(kyiv);
    // Officials are mentioned by their full name where introduced.
    bool aliyev_full = false;
    for (const auto& m : m_tagging.mentions) {
        if (m.facet == Facet::official && m.text == "Ilham Aliyev") aliyev_full = true;
    }
    EXPECT_TRUE(aliyev_full);
}

TEST(ApiTagger, TaggingIsDeterministicAndCopiesAgree) {
    auto article = read_seed();
    Tagger a;
    Tagger b = a;
    auto ta = a.tag(article);
    auto tb = b.tag(article);
    EXPECT_EQ(ta.facets.country, tb.facets.country);
    EXPECT_EQ(ta.facets.official, tb.facets.official);
    EXPECT_EQ(ta.facets.location, tb.facets.location);
    EXPECT_EQ(ta.mentions.size(), tb.mentions.size());
}

TEST(ApiTagger, OddBytesDoNotThrow) {
    Tagger tagger;
    newsfacet::Article a = newsfacet::testing::make_article("odd", "\xff\xfe", std::string("Kyiv\0\x80\xc3 Baku", 12));
    EXPECT_NO_THROW((void)tagger.tag(a));
    EXPECT_NO_THROW((void)tagger.tag(newsfacet::Article{}));
}

TEST(ApiTaggerCanonical, CountryAliases) {
    Tagger t;
    EXPECT_EQ(t.canonical(Facet::country, "Russia"), "Russia");
    EXPECT_EQ(t.canonical(Facet::country, "russia"), "Russia");
    EXPECT_EQ(t.canonical(Facet::country, "RUSSIA"), "Russia");
    EXPECT_EQ(t.canonical(Facet::country, "Russian Federation"), "Russia");
    EXPECT_EQ(t.canonical(Facet::country, "russian federation"), "Russia");
}

TEST(ApiTaggerCanonical, LocationAliases) {
    Tagger t;
    EXPECT_EQ(t.canonical(Facet::location, "kiev"), "Kyiv");
    EXPECT_EQ(t.canonical(Facet::location, "Kiev"), "Kyiv");
    EXPECT_EQ(t.canonical(Facet::location, "KYIV"), "Kyiv");
    EXPECT_EQ(t.canonical(Facet::location, "Odessa"), "Odesa");
}

TEST(ApiTaggerCanonical, AccentInsensitive) {
    Tagger t;
    EXPECT_EQ(t.canonical(Facet::location, "Krakow"), "Kraków");
    EXPECT_EQ(t.canonical(Facet::location, "KRAKÓW"), "Kraków");
    EXPECT_EQ(t.canonical(Facet::location, "gdansk"), "Gdańsk");
}

TEST(ApiTaggerCanonical, UnknownValuesAreNullopt) {
    Tagger t;
    EXPECT_FALSE(t.canonical(Facet::country, "Atlantis").has_value());
    EXPECT_FALSE(t.canonical(Facet::location, "Xyzzy Qwertyville").has_value());  // Atlantis is a Florida town
    EXPECT_FALSE(t.canonical(Facet::official, "Tomasz Wierzbicki").has_value());  // not a known official
    EXPECT_FALSE(t.canonical(Facet::country, "").has_value());
}

TEST(ApiTaggerCanonical, KnownOfficialsByNameOrAlias) {
    Tagger t;
    EXPECT_EQ(t.canonical(Facet::official, "ilham aliyev"), "Ilham Aliyev");
    EXPECT_EQ(t.canonical(Facet::official, "Zelenskyy"), "Volodymyr Zelensky");
    EXPECT_FALSE(t.canonical(Facet::official, "Bush").has_value());  // two presidents
}

TEST(ApiTaggerCanonical, OrganizationsByNameAliasOrAbbreviation) {
    Tagger t;
    EXPECT_EQ(t.canonical(Facet::organization, "United Nations"), "United Nations");
    EXPECT_EQ(t.canonical(Facet::organization, "united nations"), "United Nations");
    EXPECT_EQ(t.canonical(Facet::organization, "UN"), "United Nations");
    EXPECT_EQ(t.canonical(Facet::organization, "u.n."), "United Nations");
    EXPECT_EQ(t.canonical(Facet::organization, "rsf"), "Rapid Support Forces");
    EXPECT_EQ(t.canonical(Facet::organization, "who"), "World Health Organization");  // a context alias
    EXPECT_FALSE(t.canonical(Facet::organization, "Acme Widgets").has_value());
    EXPECT_FALSE(t.canonical(Facet::organization, "Russia").has_value());  // a country, no organisation
    EXPECT_FALSE(t.canonical(Facet::organization, "").has_value());
    EXPECT_FALSE(t.canonical(Facet::country, "UN").has_value());
}

TEST(ApiTaggerCanonical, FacetKindMatters) {
    Tagger t;
    // A city is not a country, a country is not a location.
    EXPECT_FALSE(t.canonical(Facet::country, "Kyiv").has_value());
    EXPECT_FALSE(t.canonical(Facet::location, "Russia").has_value());
}

TEST(ApiFacetKey, FoldsCaseAccentsAndWhitespace) {
    EXPECT_EQ(facet_key("Kyiv"), "kyiv");
    EXPECT_EQ(facet_key("KYIV"), facet_key("kyiv"));
    EXPECT_EQ(facet_key("Hélène Garnier"), facet_key("helene garnier"));
    EXPECT_EQ(facet_key("Hélène Garnier"), "helene garnier");
    EXPECT_EQ(facet_key("Gdańsk"), "gdansk");
    EXPECT_EQ(facet_key("  Ilham \t Aliyev\n"), "ilham aliyev");
    EXPECT_EQ(facet_key("Côte d’Ivoire"), facet_key("cote d'ivoire"));
    EXPECT_EQ(facet_key(""), "");
}

TEST(ApiFacetKey, DifferentValuesKeepDifferentKeys) {
    EXPECT_NE(facet_key("Kyiv"), facet_key("Kiev"));  // aliases are the tagger's job, not folding
    EXPECT_NE(facet_key("Russia"), facet_key("Prussia"));
}
