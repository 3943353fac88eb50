#include "reports/graphml_writer.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

namespace vicsim::reports {

namespace {

/** Text accumulated in one string and written out in blocks of about 1 MiB. */
class BlockWriter {
 public:
  explicit BlockWriter(std::ostream& out) : out_(out) { buf_.reserve(kBlock + 4096); }
  ~BlockWriter() { flush(); }
  BlockWriter& operator<<(std::string_view s) {
    buf_.append(s);
    return *this;
  }
  BlockWriter& operator<<(char c) {
    buf_.push_back(c);
    return *this;
  }
  /** Integers and doubles (shortest round-trip form) through std::to_chars. */
  template <class T>
  BlockWriter& number(T x) {
    char tmp[32];
    const auto r = std::to_chars(tmp, tmp + sizeof tmp, x);
    buf_.append(tmp, r.ptr);
    return *this;
  }
  /** Text with XML's five special characters escaped. */
  BlockWriter& escaped(std::string_view s) {
    for (char c : s) switch (c) {
        case '&':
          buf_.append("&amp;");
          break;
        case '<':
          buf_.append("&lt;");
          break;
        case '>':
          buf_.append("&gt;");
          break;
        case '"':
          buf_.append("&quot;");
          break;
        case '\'':
          buf_.append("&apos;");
          break;
        default:
          buf_.push_back(c);
      }
    return *this;
  }
  /** Ends an element: hands a full block to the stream. */
  void end_element() {
    if (buf_.size() >= kBlock) flush();
  }
  void flush() {
    out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }

 private:
  static constexpr std::size_t kBlock = 1 << 20;
  std::ostream& out_;
  std::string buf_;
};

/** The GraphML keys, in the order (and with the ids) Boost.Graph's writer gives them: sorted by name. */
constexpr std::string_view kKeys =
    R"(  <key id="key0" for="node" attr.name="adopted" attr.type="int" />
  <key id="key1" for="node" attr.name="chain_master" attr.type="int" />
  <key id="key2" for="edge" attr.name="channel" attr.type="string" />
  <key id="key3" for="edge" attr.name="cross_industry" attr.type="int" />
  <key id="key4" for="edge" attr.name="distance_km" attr.type="double" />
  <key id="key5" for="node" attr.name="employees" attr.type="double" />
  <key id="key6" for="node" attr.name="firm_id" attr.type="int" />
  <key id="key7" for="node" attr.name="industry" attr.type="string" />
  <key id="key8" for="edge" attr.name="kind" attr.type="string" />
  <key id="key9" for="node" attr.name="label" attr.type="string" />
  <key id="key10" for="edge" attr.name="local" attr.type="int" />
  <key id="key11" for="node" attr.name="platforms" attr.type="string" />
  <key id="key12" for="node" attr.name="productivity" attr.type="double" />
  <key id="key13" for="node" attr.name="region" attr.type="string" />
  <key id="key14" for="node" attr.name="stage" attr.type="string" />
  <key id="key15" for="edge" attr.name="trust" attr.type="double" />
  <key id="key16" for="node" attr.name="x" attr.type="double" />
  <key id="key17" for="node" attr.name="y" attr.type="double" />
)";

}  // namespace

void write_graphml(std::ostream& out, const sim::World& w) {
  const auto& f = w.firms;
  BlockWriter b(out);
  b << R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
)" << kKeys
    << R"(  <graph id="G" edgedefault="directed" parse.nodeids="canonical" parse.edgeids="canonical" parse.order="nodesfirst">
)";
  std::vector<std::int64_t> compact(f.size(), -1);
  std::int64_t n = 0;
  auto data = [&](std::string_view key) -> BlockWriter& { return b << "      <data key=\"" << key << "\">"; };
  for (sim::FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    const auto& r = w.regions[sim::idx(f.region[i])];
    const auto& ind = w.industries[sim::idx(f.industry[i])];
    // Place firms around their region's centre on a golden-angle spiral, so Gephi's geo layout is readable.
    const double angle = 2.399963229728653 * i, rad = r.internal_km * std::sqrt((i % 997) / 997.0);
    compact[i] = n;
    b << "    <node id=\"n";
    b.number(n++) << "\">\n";
    data("key0").number(int(f.on_cloud[i])) << "</data>\n";
    data("key1").number(int(f.chain_master[i])) << "</data>\n";
    data("key5").number(f.employees[i]) << "</data>\n";
    data("key6").number(i) << "</data>\n";
    data("key7").escaped(ind.name) << "</data>\n";
    data("key9") << "firm ";
    b.number(i) << "</data>\n";
    data("key11");
    bool first = true;
    for (std::size_t p = 0; p < w.platforms.size(); ++p)
      if (f.member_of(i, p)) {
        if (!first) b << ';';
        b.number(p);
        first = false;
      }
    b << "</data>\n";
    data("key12").number(f.productivity[i]) << "</data>\n";
    data("key13").escaped(r.name) << "</data>\n";
    data("key14").escaped(ind.stages[f.stage[i]]) << "</data>\n";
    data("key16").number(r.x_km + rad * std::cos(angle)) << "</data>\n";
    data("key17").number(r.y_km + rad * std::sin(angle)) << "</data>\n";
    b << "    </node>\n";
    b.end_element();
  }
  std::int64_t e_id = 0;
  for (sim::FirmIndex s = 0; s < f.size(); ++s)
    for (auto [e, end] = boost::out_edges(s, w.network); compact[s] >= 0 && e != end; ++e) {
      const auto t = boost::target(*e, w.network);
      if (compact[t] < 0) continue;
      const auto& tie = w.network[*e];
      b << "    <edge id=\"e";
      b.number(e_id++) << "\" source=\"n";
      b.number(compact[s]) << "\" target=\"n";
      b.number(compact[t]) << "\">\n";
      data("key2") << (tie.channel == sim::TieChannel::Platform ? "platform" : "offline") << "</data>\n";
      data("key3") << (f.industry[s] != f.industry[t] ? '1' : '0') << "</data>\n";
      data("key4").number(w.firm_distance(s, static_cast<sim::FirmIndex>(t))) << "</data>\n";
      data("key8") << (tie.is_supply() ? "supply" : "collaboration") << "</data>\n";
      data("key10") << (f.region[s] == f.region[t] ? '1' : '0') << "</data>\n";
      data("key15").number(tie.trust) << "</data>\n";
      b << "    </edge>\n";
      b.end_element();
    }
  b << "  </graph>\n</graphml>\n";
}

}  // namespace vicsim::reports
