// The query tokenizer shared by the filters, "did you mean" and the explicit-OR test.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "search/query_tokens.hpp"

using newsfacet::detail::operator_named;
using newsfacet::detail::QueryOperator;
using newsfacet::detail::QueryToken;
using newsfacet::detail::QueryTokenKind;
using newsfacet::detail::tokenize_query;

namespace {

std::vector<std::string> texts(const std::vector<QueryToken>& tokens) {
    std::vector<std::string> out;
    for (const auto& t : tokens) out.emplace_back(t.text);
    return out;
}

std::vector<QueryTokenKind> kinds(const std::vector<QueryToken>& tokens) {
    std::vector<QueryTokenKind> out;
    for (const auto& t : tokens) out.push_back(t.kind);
    return out;
}

}  // namespace

TEST(QueryTokens, WhitespaceSeparatesAndOffsetsPointIntoTheQuery) {
    const std::string q = "  embassy\tstrike\r\nkyiv ";
    auto tokens = tokenize_query(q);
    EXPECT_EQ(texts(tokens), (std::vector<std::string>{"embassy", "strike", "kyiv"}));
    ASSERT_EQ(tokens.size(), 3u);
    EXPECT_EQ(tokens[1].start, q.find("strike"));
    EXPECT_EQ(tokens[1].end(), q.find("strike") + 6);
    EXPECT_EQ(kinds(tokens), std::vector<QueryTokenKind>(3, QueryTokenKind::word));
    EXPECT_TRUE(tokenize_query("").empty());
    EXPECT_TRUE(tokenize_query(" \t ").empty());
}

TEST(QueryTokens, QuotesKeepWhitespaceAndOperatorsInside) {
    auto tokens = tokenize_query("zebra \"rock OR roll\" harbour");
    EXPECT_EQ(texts(tokens), (std::vector<std::string>{"zebra", "\"rock OR roll\"", "harbour"}));
    EXPECT_EQ(kinds(tokens), (std::vector<QueryTokenKind>{QueryTokenKind::word, QueryTokenKind::phrase,
                                                          QueryTokenKind::word}));
    for (const auto& t : tokens) {
        EXPECT_FALSE(t.op.has_value()) << t.text;
        EXPECT_FALSE(t.unterminated) << t.text;
    }
}

TEST(QueryTokens, AnUnbalancedQuoteRunsToTheEnd) {
    auto tokens = tokenize_query("embassy \"strike OR blast");
    EXPECT_EQ(texts(tokens), (std::vector<std::string>{"embassy", "\"strike OR blast"}));
    ASSERT_EQ(tokens.size(), 2u);
    EXPECT_FALSE(tokens[0].unterminated);
    EXPECT_TRUE(tokens[1].unterminated);
    EXPECT_EQ(tokens[1].kind, QueryTokenKind::phrase);
    // A quote closed later in a word joins the words between.
    EXPECT_EQ(texts(tokenize_query("a\"b c\"d e")), (std::vector<std::string>{"a\"b c\"d", "e"}));
}

TEST(QueryTokens, OperatorsOutsideQuotes) {
    auto tokens = tokenize_query("a AND b OR c NOT d XOR e NEAR/3 f ADJ g and Or");
    std::vector<std::optional<QueryOperator>> ops;
    for (const auto& t : tokens) ops.push_back(t.op);
    using O = QueryOperator;
    EXPECT_EQ(ops, (std::vector<std::optional<QueryOperator>>{
                       std::nullopt, O::op_and, std::nullopt, O::op_or, std::nullopt, O::op_not,
                       std::nullopt, O::op_xor, std::nullopt, O::op_near, std::nullopt, O::op_adj,
                       std::nullopt, std::nullopt, std::nullopt}));  // case-sensitive
    EXPECT_EQ(operator_named("ADJ/2"), O::op_adj);
    EXPECT_EQ(operator_named("AND/2"), std::nullopt);
    EXPECT_EQ(operator_named("ORE"), std::nullopt);
    // A signed operator is a word.
    EXPECT_EQ(tokenize_query("-OR")[0].kind, QueryTokenKind::word);
}

TEST(QueryTokens, BracketsAroundTokens) {
    auto tokens = tokenize_query("((zebra OR harbour) keepers)");
    ASSERT_EQ(tokens.size(), 4u);
    EXPECT_EQ(tokens[0].open_brackets, 2);
    EXPECT_EQ(tokens[0].core, "zebra");
    EXPECT_EQ(tokens[1].op, QueryOperator::op_or);
    EXPECT_TRUE(tokens[1].is_bare(QueryOperator::op_or));
    EXPECT_EQ(tokens[2].close_brackets, 1);
    EXPECT_EQ(tokens[2].core, "harbour");
    EXPECT_EQ(tokens[3].close_brackets, 1);
    // A bracketed operator is still one, but not bare.
    auto bracketed = tokenize_query("(OR)");
    ASSERT_EQ(bracketed.size(), 1u);
    EXPECT_EQ(bracketed[0].op, QueryOperator::op_or);
    EXPECT_FALSE(bracketed[0].is_bare(QueryOperator::op_or));
    // Brackets the core opens itself are part of it.
    auto balanced = tokenize_query("f(x))");
    EXPECT_EQ(balanced[0].core, "f(x)");
    EXPECT_EQ(balanced[0].close_brackets, 1);
}

TEST(QueryTokens, SignsAfterOpeningBrackets) {
    auto tokens = tokenize_query("+embassy -strike (-\"car bomb\") a-b");
    ASSERT_EQ(tokens.size(), 4u);
    EXPECT_EQ(tokens[0].sign, '+');
    EXPECT_EQ(tokens[0].core, "embassy");
    EXPECT_EQ(tokens[1].sign, '-');
    EXPECT_EQ(tokens[2].sign, '-');
    EXPECT_EQ(tokens[2].open_brackets, 1);
    EXPECT_EQ(tokens[2].kind, QueryTokenKind::phrase);
    EXPECT_EQ(tokens[2].core, "\"car bomb\"");
    EXPECT_EQ(tokens[3].sign, 0);
    EXPECT_EQ(tokens[3].core, "a-b");
}

TEST(QueryTokens, FieldsAndValues) {
    const std::string q = "Country:Sudan -official:\"Ilham Aliyev\" (source:Atlas) title:embassy date:2024-03..";
    auto tokens = tokenize_query(q);
    ASSERT_EQ(tokens.size(), 5u);
    for (const auto& t : tokens) EXPECT_EQ(t.kind, QueryTokenKind::field) << t.text;
    EXPECT_EQ(tokens[0].field, "country");  // lower-cased
    EXPECT_EQ(tokens[0].value, "Sudan");
    EXPECT_EQ(tokens[0].value_start, q.find("Sudan"));
    EXPECT_EQ(tokens[1].sign, '-');
    EXPECT_EQ(tokens[1].value, "Ilham Aliyev");  // unquoted
    EXPECT_EQ(tokens[1].value_start, q.find("\"Ilham"));
    EXPECT_EQ(tokens[2].value, "Atlas");
    EXPECT_EQ(tokens[2].close_brackets, 1);
    EXPECT_EQ(tokens[3].field, "title");
    EXPECT_EQ(tokens[4].value, "2024-03..");
    auto empty = tokenize_query("country:\"\"");
    EXPECT_EQ(empty[0].kind, QueryTokenKind::field);
    EXPECT_TRUE(empty[0].value.empty());
}

TEST(QueryTokens, NotFields) {
    // URLs, one-letter names, nothing after the colon, non-letters in the name.
    for (const char* q : {"http://example.com/a", "a:b", "country:", "c0untry:x", "\"country:x\"", "12:30"}) {
        auto tokens = tokenize_query(q);
        ASSERT_EQ(tokens.size(), 1u) << q;
        EXPECT_NE(tokens[0].kind, QueryTokenKind::field) << q;
    }
}

TEST(QueryTokens, NonAsciiPassesThrough) {
    const std::string q = "Gdańsk \xe2\x80\x9cquoted\xe2\x80\x9d country:Türkiye Zürich\xc2\xa0strike";
    auto tokens = tokenize_query(q);
    // Curly quotes are no quotes; a no-break space does not separate.
    EXPECT_EQ(texts(tokens), (std::vector<std::string>{"Gdańsk", "\xe2\x80\x9cquoted\xe2\x80\x9d", "country:Türkiye",
                                                       "Zürich\xc2\xa0strike"}));
    EXPECT_EQ(tokens[1].kind, QueryTokenKind::word);
    EXPECT_EQ(tokens[2].value, "Türkiye");
}
