// Grouping labelled runs into attributions. A content run belongs to the
// nearest cue of its paragraph (a split quotation's halves to the cue between
// them); a cue's source is the nearest source run of its sentence. A paragraph
// that opens a quotation with no cue of its own continues the attribution
// before it.
#include "tagged_attributions.h"

#include <algorithm>
#include <cstdlib>
#include <deque>

#include "lexicon.h"

namespace attache::indexer::attribution {
namespace {

struct Run {
  Part part;
  uint32_t first, last;
  float margin;  // mean over the run's words
};

// A run's margin is the mean over its words: whether a colon or a quotation mark
// belongs to the cue or the content is a matter of annotation, not of evidence.
std::vector<Run> runs_of(const std::vector<Word>& w, const std::vector<uint8_t>& labels, const std::vector<float>& margins) {
  std::vector<Run> runs;
  for (uint32_t i = 0; i < labels.size();) {
    Part part = part_of(labels[i]);
    uint32_t e = i + 1;
    while (e < labels.size() && part_of(labels[e]) == part && labels[e] != B_SOURCE && labels[e] != B_CUE &&
           labels[e] != B_CONTENT)
      ++e;
    if (part != Part::none) {
      float sum = 0, all = 0;
      uint32_t words = 0;
      for (uint32_t k = i; k < e; ++k) {
        all += margins[k];
        if (w[k].kind == WordKind::word) sum += margins[k], ++words;
      }
      runs.push_back({part, i, e - 1, words ? sum / static_cast<float>(words) : all / static_cast<float>(e - i)});
    }
    i = e;
  }
  return runs;
}

int gap(const Run& a, const Run& b) {
  if (a.last < b.first) return static_cast<int>(b.first - a.last);
  if (b.last < a.first) return static_cast<int>(a.first - b.last);
  return 0;
}

}  // namespace

std::vector<TaggedAttribution> tag_attributions(const WordStream& stream, const TaggerModel& model) {
  const auto& w = stream.words;
  std::vector<uint8_t> labels(w.size(), O);
  std::vector<float> margins(w.size(), 0);
  std::vector<uint8_t> part_labels;
  std::vector<float> part_margins;
  const std::vector<Sequence> sequences = tagged_sequences(stream);
  WordFeatures features = extract_features(stream, sequences, model.row_bits());
  for (const Sequence& s : sequences) {
    model.decode(features, s.first, s.end, part_labels, part_margins);
    std::copy(part_labels.begin(), part_labels.end(), labels.begin() + s.first);
    std::copy(part_margins.begin(), part_margins.end(), margins.begin() + s.first);
  }
  const std::vector<Run> runs = runs_of(w, labels, margins);

  struct Draft {
    const Run* cue;
    const Run* source = nullptr;
    std::vector<const Run*> contents;
    bool content_untagged = false;
    bool shared = false;  // its source is a nearer cue's too
  };
  std::vector<Draft> drafts;
  for (const Run& r : runs)
    if (r.part == Part::cue) drafts.push_back({&r});
  // Each cue takes the nearest source of its sentence that no nearer cue took ("The official,
  // who asked not to be named, said": "who" is asked's, "The official" said's); a cue left
  // without one shares the nearest ("He said A, adding that B").
  struct Pair {
    int gap;
    size_t draft;
    const Run* source;
  };
  std::vector<Pair> pairs;
  for (size_t k = 0; k < drafts.size(); ++k)
    for (const Run& s : runs)
      if (s.part == Part::source && w[s.first].sentence == w[drafts[k].cue->first].sentence)
        pairs.push_back({gap(s, *drafts[k].cue), k, &s});
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.gap < b.gap; });
  std::vector<const Run*> taken;
  for (const Pair& p : pairs)
    if (!drafts[p.draft].source && std::find(taken.begin(), taken.end(), p.source) == taken.end()) {
      drafts[p.draft].source = p.source;
      taken.push_back(p.source);
    }
  for (const Pair& p : pairs)
    if (Draft& d = drafts[p.draft]; d.source == nullptr || (d.shared && p.gap < gap(*d.source, *d.cue))) {
      d.source = p.source;
      d.shared = true;
    }
  // "''I am not in an American courtroom,'' said he.": the older inversion, whose pronoun the
  // tagger takes for content.
  std::deque<Run> inverted_pronouns;
  for (Draft& d : drafts) {
    const uint32_t k = d.cue->last + 1;
    if (d.source || k >= w.size() || !(w[k].is("he") || w[k].is("she")) ||
        (k + 1 < w.size() && w[k + 1].kind == WordKind::word && w[k + 1].sentence == w[k].sentence))
      continue;
    inverted_pronouns.push_back({Part::source, k, k, 0});
    d.source = &inverted_pronouns.back();
  }
  auto is_inverted_pronoun = [&](const Run& r) {
    return std::any_of(inverted_pronouns.begin(), inverted_pronouns.end(),
                       [&](const Run& p) { return p.first == r.first && p.last == r.last; });
  };
  // A cue inside content whose source is nearer another cue is part of what that
  // one says ("he warned that if the West did not accept Russia's demands ..."):
  // its words join the content. ("He said A, adding that B" keeps two cues.)
  auto inside_content = [&](const Run& r) {
    return r.first > 0 && r.last + 1 < labels.size() && part_of(labels[r.first - 1]) == Part::content &&
           part_of(labels[r.last + 1]) == Part::content;
  };
  std::vector<Draft> kept;
  for (const Draft& d : drafts) {
    bool nested = false;
    for (const Draft& other : drafts)
      if (&other != &d && d.source && other.source == d.source && gap(*other.cue, *d.source) < gap(*d.cue, *d.source) &&
          inside_content(*d.cue))
        nested = true;
    if (!nested) kept.push_back(d);
  }
  drafts.swap(kept);
  for (const Run& c : runs) {
    if (c.part != Part::content || is_inverted_pronoun(c)) continue;
    const uint32_t paragraph = w[c.first].paragraph;
    auto nearest_in = [&](uint32_t p) {
      Draft* best = nullptr;
      for (Draft& d : drafts)
        if (w[d.cue->first].paragraph == p && (!best || gap(*d.cue, c) < gap(*best->cue, c))) best = &d;
      return best;
    };
    Draft* best = nearest_in(paragraph);
    // A quotation over several paragraphs is attributed once, before or after.
    const int quote = w[c.last].quote;
    if (!best && quote >= 0 && c.last + 1 < w.size() && w[c.last + 1].paragraph == paragraph + 1 && w[c.last + 1].quote == quote)
      best = nearest_in(paragraph + 1);
    const bool quoted = w[c.first].quote >= 0 || w[c.first].kind == WordKind::quote_open;
    if (!best && paragraph > 0 && quoted) best = nearest_in(paragraph - 1);
    // Content outside quotation marks is said in the cue's own sentence, or in the one a colon opens.
    if (best && !quoted && w[c.first].sentence != w[best->cue->first].sentence) {
      const uint32_t after_cue = w[best->cue->last].sentence + 1;
      const bool after_colon = w[c.first].sentence == after_cue && c.first > 0 && w[c.first - 1].kind == WordKind::colon;
      if (!after_colon) best = nullptr;
    }
    if (best) best->contents.push_back(&c);
  }
  // "The cuts will help exporters, E. M. Martin, an assistant secretary of state, told members of
  // the council": a source and a cue whose content the tagger missed, after a clause and a comma
  // that open the sentence. The clause is what was said; the calibrator knows it was not tagged.
  std::deque<Run> untagged;
  for (Draft& d : drafts) {
    if (!d.source || !d.contents.empty()) continue;
    const uint32_t lead = std::min(d.source->first, d.cue->first);
    const uint32_t start = stream.sentence_first_word[w[lead].sentence];
    if (lead < start + 4 || w[lead - 1].kind != WordKind::comma) continue;
    bool plain = true;
    float margin = 0;
    for (uint32_t k = start; k + 1 < lead; ++k) {
      plain = plain && labels[k] == O && w[k].quote < 0 && w[k].kind != WordKind::quote_open;
      margin -= margins[k];
    }
    if (!plain) continue;
    untagged.push_back({Part::content, start, lead - 2, margin / static_cast<float>(lead - 1 - start)});
    d.contents.push_back(&untagged.back());
    d.content_untagged = true;
  }
  // "''This is a beginning,'' Mr. Kampelman told reporters outside the mission": beside a
  // quotation, unquoted words after "told" in its sentence are whom it was said to, or where.
  auto quoted_run = [&](const Run* r) { return w[r->first].quote >= 0 || w[r->first].kind == WordKind::quote_open; };
  for (Draft& d : drafts) {
    if (std::none_of(d.contents.begin(), d.contents.end(), quoted_run)) continue;
    const Cue* cue = find_cue(lowered(w[d.cue->last].text));
    if (!cue || cue->base != "tell") continue;
    std::erase_if(d.contents, [&](const Run* r) {
      return !quoted_run(r) && r->first > d.cue->last && w[r->first].sentence == w[d.cue->last].sentence &&
             !w[r->first].is("that");
    });
  }
  std::vector<TaggedAttribution> out;
  for (const Draft& d : drafts) {
    if (!d.source || d.contents.empty()) continue;
    // Contents in one paragraph are one statement (a split quotation and the cue
    // inside it), and so are the pieces of one quotation over several.
    for (size_t i = 0; i < d.contents.size();) {
      size_t j = i + 1;
      auto joins = [&](const Run& before, const Run& after) {
        return w[after.first].paragraph == w[before.last].paragraph ||
               (w[before.last].quote >= 0 && w[after.first].quote == w[before.last].quote);
      };
      while (j < d.contents.size() && joins(*d.contents[j - 1], *d.contents[j])) ++j;
      TaggedAttribution a;
      a.source_first = d.source->first;
      a.source_last = d.source->last;
      while (a.source_last > a.source_first && w[a.source_last].kind != WordKind::word) --a.source_last;
      // A dateline is not part of the source ("MOSCOW — Russia's foreign minister, ...").
      for (uint32_t k = a.source_first; k + 1 < a.source_last && w[k].paragraph == w[a.source_first].paragraph; ++k) {
        if (w[k].kind == WordKind::dash) {
          a.source_first = k + 1;
          break;
        }
        if (w[k].kind != WordKind::word || w[k].text.size() < 2 ||
            std::any_of(w[k].text.begin(), w[k].text.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }))
          break;
      }
      a.cue_first = d.cue->first;
      a.cue_last = d.cue->last;
      a.content_first = d.contents[i]->first;
      a.content_last = d.contents[j - 1]->last;
      float content_margin = 0;
      for (size_t k = i; k < j; ++k) content_margin += d.contents[k]->margin;
      a.source_margin = d.source->margin;
      a.cue_margin = d.cue->margin;
      a.content_margin = content_margin / static_cast<float>(j - i);
      a.content_untagged = d.content_untagged;
      out.push_back(a);
      i = j;
    }
  }
  return out;
}

}  // namespace attache::indexer::attribution
