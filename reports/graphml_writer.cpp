#include "reports/graphml_writer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "sim/parallel_for.hpp"
#include "sim/prefetch_arcs.hpp"

namespace vicsim::reports {

namespace {

/** Text for one chunk of firms, formatted into a string the caller writes out in chunk order. */
class TextBuffer {
 public:
  TextBuffer& operator<<(std::string_view s) {
    buf_.append(s);
    return *this;
  }
  TextBuffer& operator<<(char c) {
    buf_.push_back(c);
    return *this;
  }
  /** Integers and doubles (shortest round-trip form) through std::to_chars. */
  template <class T>
  TextBuffer& number(T x) {
    char tmp[32];
    const auto r = std::to_chars(tmp, tmp + sizeof tmp, x);
    buf_.append(tmp, r.ptr);
    return *this;
  }
  /** Text with XML's five special characters escaped. */
  TextBuffer& escaped(std::string_view s) {
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
  TextBuffer& data(std::string_view key) { return *this << "<data key=\"" << key << "\">"; }
  void clear() { buf_.clear(); }
  std::string_view text() const { return buf_; }
  void write_to(std::ostream& out) const {
    out.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
  }

 private:
  std::string buf_;
};

// Firms per chunk (about 300 KiB of text: the bench scenario's 8,000-firm snapshot at month 48 is 9.9 MB for
// 7,995 firms), and chunks per thread formatted in one batch before they are
// written out in order: a window that stays in cache. The file is the chunks in index order, whatever the
// window.
constexpr std::size_t kChunkFirms = 256;
constexpr std::size_t kChunksPerThread = 4;
/** How many firms ahead the edge pass starts loading out-tie records (prefetch_out_ties_in_index_order). */
constexpr std::size_t kTieAhead = 2;

/**
 * Formats chunks [0, n_chunks) with format(chunk, buffer) and writes them in order. bufs holds two batches:
 * while one batch is formatted, the batch before it is written by one more task of the same parallel loop.
 * Writing (the kernel's copy into the page cache) is serial, so without the overlap the other threads would
 * wait for it (docs/PERFORMANCE.md, session 41).
 */
template <class Format>
void write_chunks(std::ostream& out, std::size_t n_chunks, unsigned threads, std::vector<TextBuffer>& bufs,
                  Format&& format) {
  const std::size_t batch = bufs.size() / 2;
  std::size_t to_write = 0;  // chunks of the previous batch, waiting in the other half of bufs
  for (std::size_t first = 0, half = 0; first < n_chunks || to_write > 0; first += batch, half ^= 1) {
    const std::size_t n = first < n_chunks ? std::min(batch, n_chunks - first) : 0;
    TextBuffer* fill = bufs.data() + half * batch;
    const TextBuffer* written = bufs.data() + (half ^ 1) * batch;
    const std::size_t writes = to_write > 0 ? 1 : 0;  // the write task is index 0
    sim::parallel_chunks(n + writes, threads, [&](std::size_t k, std::size_t) {
      if (k < writes) {
        for (std::size_t j = 0; j < to_write; ++j) written[j].write_to(out);
        return;
      }
      fill[k - writes].clear();
      format(first + k - writes, fill[k - writes]);
    });
    to_write = n;
  }
}

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

void write_graphml(std::ostream& out, const sim::World& w, unsigned threads) {
  const auto& f = w.firms;
  out << R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
)" << kKeys
      << R"(  <graph id="G" edgedefault="directed" parse.nodeids="canonical" parse.edgeids="canonical" parse.order="nodesfirst">
)";
  // Node ids number the alive firms in index order; edge ids number the ties between alive firms in
  // (source, out-edge) order. Both are prefix sums, so every chunk knows its first id before formatting.
  std::vector<std::int64_t> compact(f.size(), -1);
  std::int64_t n_alive = 0;
  for (sim::FirmIndex i = 0; i < f.size(); ++i)
    if (f.alive[i]) compact[i] = n_alive++;
  auto written = [&](std::size_t firm) { return compact[firm] >= 0; };  // a tie is written if both ends are
  const std::size_t n_chunks = sim::chunk_count(f.size(), kChunkFirms);
  auto chunk_end = [&](std::size_t c) { return std::min<std::size_t>(f.size(), (c + 1) * kChunkFirms); };
  // The node pass also counts each chunk's edges; their prefix sums are the edge pass's first ids.
  std::vector<std::int64_t> first_edge(n_chunks + 1, 0);
  std::vector<TextBuffer> bufs(2 * std::max<std::size_t>(1, std::min(kChunksPerThread * threads, n_chunks)));
  write_chunks(out, n_chunks, threads, bufs, [&](std::size_t c, TextBuffer& b) {
    for (auto i = static_cast<sim::FirmIndex>(c * kChunkFirms); i < chunk_end(c); ++i) {
      if (!f.alive[i]) continue;
      for (auto [e, end] = boost::out_edges(i, w.network); e != end; ++e)
        first_edge[c + 1] += written(boost::target(*e, w.network)) ? 1 : 0;
      const auto& r = w.regions[sim::idx(f.region[i])];
      const auto& ind = w.industries[sim::idx(f.industry[i])];
      // Firms around their region's centre on a golden-angle spiral, so Gephi's geo layout is readable.
      const std::uint64_t id = f.id(i);
      const double angle = 2.399963229728653 * static_cast<double>(id),
                   rad = r.internal_km * std::sqrt(static_cast<double>(id % 997) / 997.0);
      b << "    <node id=\"n";
      b.number(compact[i]) << "\">";
      b.data("key0").number(int(f.on_cloud[i])) << "</data>";
      b.data("key1").number(int(f.chain_master[i])) << "</data>";
      b.data("key5").number(f.employees[i]) << "</data>";
      b.data("key6").number(id) << "</data>";
      b.data("key7").escaped(ind.name) << "</data>";
      b.data("key9") << "firm ";
      b.number(id) << "</data>";
      b.data("key11");
      bool first = true;
      for (std::size_t p = 0; p < w.platforms.size(); ++p)
        if (f.member_of(i, p)) {
          if (!first) b << ';';
          b.number(p);
          first = false;
        }
      b << "</data>";
      b.data("key12").number(f.productivity[i]) << "</data>";
      b.data("key13").escaped(r.name) << "</data>";
      b.data("key14").escaped(ind.stages[f.stage[i]]) << "</data>";
      b.data("key16").number(r.x_km + rad * std::cos(angle)) << "</data>";
      b.data("key17").number(r.y_km + rad * std::sin(angle)) << "</data>";
      b << "</node>\n";
    }
  });
  for (std::size_t c = 0; c < n_chunks; ++c) first_edge[c + 1] += first_edge[c];
  // A tie's distance is its regions' (World::firm_distance): formatted once per pair of regions, not per tie
  // (unless there are so many regions that the table would outweigh the ties).
  const std::size_t n_regions = w.regions.size();
  constexpr std::size_t kMaxDistanceTexts = std::size_t{1} << 16;
  std::vector<std::string> distance_text;
  if (n_regions * n_regions <= kMaxDistanceTexts) distance_text.resize(n_regions * n_regions);
  TextBuffer cell;  // the same number format as every other cell
  for (std::size_t a = 0; a < n_regions && !distance_text.empty(); ++a)
    for (std::size_t b = 0; b < n_regions; ++b) {
      cell.clear();
      distance_text[a * n_regions + b] = cell.number(w.distance_km[a][b]).text();
    }
  write_chunks(out, n_chunks, threads, bufs, [&](std::size_t c, TextBuffer& b) {
    std::int64_t e_id = first_edge[c];
    for (auto s = static_cast<sim::FirmIndex>(c * kChunkFirms); s < chunk_end(c); ++s) {
      // A supplier's tie records are scattered (stored in customer order): start those of the next ones.
      sim::prefetch_out_ties_in_index_order(w.network, s, chunk_end(c), kTieAhead);
      for (auto [e, end] = boost::out_edges(s, w.network); written(s) && e != end; ++e) {
        const auto t = static_cast<sim::FirmIndex>(boost::target(*e, w.network));
        if (!written(t)) continue;
        const auto& tie = w.network[*e];
        b << "    <edge id=\"e";
        b.number(e_id++) << "\" source=\"n";
        b.number(compact[s]) << "\" target=\"n";
        b.number(compact[t]) << "\">";
        b.data("key2") << (tie.channel == sim::TieChannel::Platform ? "platform" : "offline") << "</data>";
        b.data("key3") << (f.industry[s] != f.industry[t] ? '1' : '0') << "</data>";
        b.data("key4");
        if (distance_text.empty())
          b.number(w.firm_distance(s, t));
        else
          b << distance_text[sim::idx(f.region[s]) * n_regions + sim::idx(f.region[t])];
        b << "</data>";
        b.data("key8") << (tie.is_supply() ? "supply" : "collaboration") << "</data>";
        b.data("key10") << (f.region[s] == f.region[t] ? '1' : '0') << "</data>";
        b.data("key15").number(tie.trust) << "</data>";
        b << "</edge>\n";
      }
    }
  });
  out << "  </graph>\n</graphml>\n";
}

}  // namespace vicsim::reports
