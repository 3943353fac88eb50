#include "reports/gexf_writer.hpp"

#include <map>
#include <tuple>

#include "reports/html_document.hpp"
#include "reports/number_format.hpp"
#include "vicsim_version.hpp"

namespace vicsim::reports {

namespace {

/** Closed integer interval of months. */
struct Spell {
  std::int32_t start = 0, end = 0;
};

/** A value that holds over a spell. */
struct Timed {
  std::string value;
  Spell spell;
};

/** Appends the interval of snapshot k, merging with the last spell if it continues it. */
void extend(std::vector<Spell>& spells, Spell s) {
  if (!spells.empty() && spells.back().end + 1 == s.start)
    spells.back().end = s.end;
  else
    spells.push_back(s);
}

void extend(std::vector<Timed>& values, const std::string& v, Spell s) {
  if (!values.empty() && values.back().value == v && values.back().spell.end + 1 == s.start)
    values.back().spell.end = s.end;
  else
    values.push_back({v, s});
}

struct NodeHistory {
  SnapshotNode last;
  std::vector<Spell> spells;
  std::vector<Timed> employees, productivity, stage, adopted, platforms;
};

struct EdgeHistory {
  SnapshotEdge last;
  std::vector<Spell> spells;
  std::vector<Timed> trust, channel;
};

std::string attr(const std::string& s) { return html_escape(s); }

void write_spells(std::ostream& o, const std::vector<Spell>& spells, const char* indent) {
  if (spells.size() == 1) return;
  o << indent << "<spells>\n";
  for (const auto& s : spells)
    o << indent << "  <spell start=\"" << s.start << "\" end=\"" << s.end << "\" />\n";
  o << indent << "</spells>\n";
}

std::string span_attrs(const std::vector<Spell>& spells) {
  if (spells.size() != 1) return "";
  return " start=\"" + std::to_string(spells[0].start) + "\" end=\"" + std::to_string(spells[0].end) + "\"";
}

void write_timed(std::ostream& o, const char* id, const std::vector<Timed>& values) {
  for (const auto& v : values)
    o << "        <attvalue for=\"" << id << "\" value=\"" << attr(v.value) << "\" start=\"" << v.spell.start
      << "\" end=\"" << v.spell.end << "\" />\n";
}

}  // namespace

void write_dynamic_gexf(std::ostream& o, const std::vector<NetworkSnapshot>& snaps,
                        const std::string& description) {
  std::map<int, NodeHistory> nodes;
  std::map<std::tuple<int, int, std::string>, EdgeHistory> edges;
  for (std::size_t k = 0; k < snaps.size(); ++k) {
    const auto& s = snaps[k];
    const Spell spell{s.tick, k + 1 < snaps.size() ? snaps[k + 1].tick - 1 : s.tick};
    for (const auto& n : s.nodes) {
      auto& h = nodes[n.firm_id];
      h.last = n;
      extend(h.spells, spell);
      extend(h.employees, format_number(n.employees), spell);
      extend(h.productivity, format_number(n.productivity), spell);
      extend(h.stage, n.stage, spell);
      extend(h.adopted, std::to_string(n.adopted), spell);
      extend(h.platforms, n.platforms, spell);
    }
    for (const auto& e : s.edges) {
      auto& h = edges[{s.nodes[e.source].firm_id, s.nodes[e.target].firm_id, e.kind}];
      h.last = e;
      extend(h.spells, spell);
      extend(h.trust, format_number(e.trust), spell);
      extend(h.channel, e.channel, spell);
    }
  }
  const std::int32_t t0 = snaps.empty() ? 0 : snaps.front().tick, t1 = snaps.empty() ? 0 : snaps.back().tick;
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    << "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
       "version=\"1.2\">\n"
    << "  <meta>\n    <creator>vicsim " << kVersion << "</creator>\n    <description>" << attr(description)
    << "</description>\n  </meta>\n"
    << "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"integer\" start=\"" << t0
    << "\" end=\"" << t1 << "\">\n"
    << "    <attributes class=\"node\" mode=\"static\">\n"
    << "      <attribute id=\"region\" title=\"region\" type=\"string\" />\n"
    << "      <attribute id=\"industry\" title=\"industry\" type=\"string\" />\n"
    << "      <attribute id=\"chain_master\" title=\"chain_master\" type=\"integer\" />\n"
    << "    </attributes>\n"
    << "    <attributes class=\"node\" mode=\"dynamic\">\n"
    << "      <attribute id=\"employees\" title=\"employees\" type=\"double\" />\n"
    << "      <attribute id=\"productivity\" title=\"productivity\" type=\"double\" />\n"
    << "      <attribute id=\"stage\" title=\"stage\" type=\"string\" />\n"
    << "      <attribute id=\"adopted\" title=\"adopted\" type=\"integer\" />\n"
    << "      <attribute id=\"platforms\" title=\"platforms\" type=\"string\" />\n"
    << "    </attributes>\n"
    << "    <attributes class=\"edge\" mode=\"static\">\n"
    << "      <attribute id=\"kind\" title=\"kind\" type=\"string\" />\n"
    << "      <attribute id=\"local\" title=\"local\" type=\"integer\" />\n"
    << "      <attribute id=\"cross_industry\" title=\"cross_industry\" type=\"integer\" />\n"
    << "    </attributes>\n"
    << "    <attributes class=\"edge\" mode=\"dynamic\">\n"
    << "      <attribute id=\"trust\" title=\"trust\" type=\"double\" />\n"
    << "      <attribute id=\"channel\" title=\"channel\" type=\"string\" />\n"
    << "    </attributes>\n    <nodes>\n";
  for (const auto& [id, h] : nodes) {
    o << "      <node id=\"" << id << "\" label=\""
      << attr(h.last.label.empty() ? "firm " + std::to_string(id) : h.last.label) << "\""
      << span_attrs(h.spells) << ">\n";
    write_spells(o, h.spells, "        ");
    o << "        <attvalues>\n"
      << "        <attvalue for=\"region\" value=\"" << attr(h.last.region) << "\" />\n"
      << "        <attvalue for=\"industry\" value=\"" << attr(h.last.industry) << "\" />\n"
      << "        <attvalue for=\"chain_master\" value=\"" << h.last.chain_master << "\" />\n";
    write_timed(o, "employees", h.employees);
    write_timed(o, "productivity", h.productivity);
    write_timed(o, "stage", h.stage);
    write_timed(o, "adopted", h.adopted);
    write_timed(o, "platforms", h.platforms);
    o << "        </attvalues>\n"
      << "        <viz:position x=\"" << format_number(h.last.x) << "\" y=\"" << format_number(h.last.y)
      << "\" z=\"0\" />\n      </node>\n";
  }
  o << "    </nodes>\n    <edges>\n";
  std::size_t n = 0;
  for (const auto& [key, h] : edges) {
    o << "      <edge id=\"e" << n++ << "\" source=\"" << std::get<0>(key) << "\" target=\""
      << std::get<1>(key) << "\"" << span_attrs(h.spells) << ">\n";
    write_spells(o, h.spells, "        ");
    o << "        <attvalues>\n"
      << "        <attvalue for=\"kind\" value=\"" << attr(std::get<2>(key)) << "\" />\n"
      << "        <attvalue for=\"local\" value=\"" << h.last.local << "\" />\n"
      << "        <attvalue for=\"cross_industry\" value=\"" << h.last.cross_industry << "\" />\n";
    write_timed(o, "trust", h.trust);
    write_timed(o, "channel", h.channel);
    o << "        </attvalues>\n      </edge>\n";
  }
  o << "    </edges>\n  </graph>\n</gexf>\n";
}

}  // namespace vicsim::reports
