#include <newsfacet/tagger.hpp>

#include <fstream>
#include <sstream>

#include <newsfacet/error.hpp>

#include "tag/article_tagger.hpp"
#include "tag/gazetteer.hpp"
#include "tag/known_officials.hpp"
#include "tag/known_organizations.hpp"
#include "tag/organization_patterns.hpp"
#include "text/text.hpp"

namespace newsfacet {

struct Tagger::Impl {
    detail::Gazetteer gazetteer;
    detail::KnownOfficials known;
    detail::KnownOrganizations organizations;
};

Tagger::Tagger()
    : m_impl(std::make_shared<Impl>(Impl{detail::Gazetteer(detail::builtin_gazetteer(), "built-in gazetteer"),
                                         detail::KnownOfficials(detail::builtin_officials(), "built-in officials"),
                                         detail::KnownOrganizations(detail::builtin_organizations(),
                                                                    "built-in organisations",
                                                                    detail::pattern_heads())})) {}

Tagger::Tagger(const std::filesystem::path& gazetteer) {
    std::ifstream in(gazetteer, std::ios::binary);
    if (!in) throw InputError(gazetteer.string(), 0, "cannot read gazetteer file");
    std::ostringstream buf;
    buf << in.rdbuf();
    m_impl = std::make_shared<Impl>(Impl{detail::Gazetteer(buf.str(), gazetteer.string()),
                                         detail::KnownOfficials(detail::builtin_officials(), "built-in officials"),
                                         detail::KnownOrganizations(detail::builtin_organizations(),
                                                                    "built-in organisations",
                                                                    detail::pattern_heads())});
}

Tagger::~Tagger() = default;
Tagger::Tagger(const Tagger&) = default;
Tagger& Tagger::operator=(const Tagger&) = default;
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;

Tagging Tagger::tag(const Article& article) const {
    return detail::ArticleTagger(m_impl->gazetteer, m_impl->known, m_impl->organizations, article).run();
}

std::optional<std::string> Tagger::canonical(Facet facet, std::string_view value) const {
    if (facet == Facet::official) {
        // Officials: the known-officials list, by full name or an unambiguous alias.
        const std::string key = text::name_key(value);
        auto found = m_impl->known.find(key, 0, true);
        if (found.empty()) found = m_impl->known.find(key, 0, false);
        if (found.empty()) return std::nullopt;
        return found.front()->name;
    }
    if (facet == Facet::organization) {
        // Organisations: the organisations list, by name, alias or abbreviation.
        const auto* org = m_impl->organizations.resolve(value);
        if (!org) return std::nullopt;
        return org->name;
    }
    for (const auto& c : m_impl->gazetteer.lookup(value)) {
        const auto& p = m_impl->gazetteer.place(c.place);
        bool is_city = !detail::is_country(p);
        if (facet == Facet::location && is_city && !c.demonym) return p.value;
        if (facet == Facet::country && !is_city) return p.value;
    }
    return std::nullopt;
}

std::string facet_key(std::string_view value) { return text::fold(value); }

}  // namespace newsfacet
