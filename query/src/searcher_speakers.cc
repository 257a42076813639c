// How a searcher widens speaker: conditions to identities: from the statements
// whose speakers' names can matter to each condition, counted by month from
// the segments' speakers' months (or the statement postings' `P=` lists);
// past a budget, from every name's statements read the same way, which speaker
// counts use too; for an index with segments written before statement
// postings, or once speakers have been counted, from every statement entry of
// the archive.
#include "searcher_speakers.h"

#include "attache/storage/derived_files.h"
#include "identity_file.h"
#include "speakers_file.h"

namespace attache::query {

const SnapshotNames& Searcher::Speakers::names(const storage::IndexSnapshot& snapshot) {
  std::call_once(names_read_, [&] { names_ = std::make_unique<SnapshotNames>(snapshot); });
  return *names_;
}

bool Searcher::Speakers::every_name_at_hand(const storage::IndexSnapshot& snapshot) {
  std::call_once(every_name_kept_read_, [&] {
    if (every_name_ready_) return;
    if (auto body = storage::read_derived(snapshot, identity::identities_file_name()))
      if (auto kept = identity::decode_resolution(*body)) {
        every_name_ = std::make_shared<const identity::Resolution>(std::move(*kept));
        every_name_ready_ = true;
      }
  });
  return every_name_ready_;
}

std::shared_ptr<const identity::Resolution> Searcher::Speakers::every_name(const storage::IndexSnapshot& snapshot) {
  every_name_at_hand(snapshot);
  bool decided_here = false;
  std::call_once(every_name_resolved_, [&] {
    if (every_name_ready_) return;
    const SnapshotNames& all = names(snapshot);
    identity::Forms forms;
    for (uint32_t n = 0; n < all.name_count(); ++n) all.add_statements(n, forms);
    every_name_ = std::make_shared<const identity::Resolution>(
        identity::resolve(forms, [&](const identity::Form& form) { return all.articles_of(form); }));
    every_name_ready_ = true;
    decided_here = true;
  });
  // Kept outside the once: other threads need not wait for the disk.
  if (decided_here)
    storage::write_derived(snapshot, identity::identities_file_name(), identity::encode_resolution(*every_name_));
  return every_name_;
}

std::shared_ptr<const identity::Resolution> Searcher::Speakers::resolution_for(const std::vector<std::string>& phrase,
                                                                               const identity::NameSource& names,
                                                                               uint64_t budget) {
  std::string key;
  for (const auto& word : phrase) (key += key.empty() ? "" : " ") += word;
  {
    std::lock_guard lock(mutex_);
    if (auto kept = by_condition_.find(key); kept != by_condition_.end()) return kept->second;
  }
  // Decided outside the lock: another thread's condition need not wait for this one.
  auto decided = identity::resolution_for_phrase(phrase, names, budget);
  auto resolution = decided ? std::make_shared<const identity::Resolution>(std::move(*decided)) : nullptr;
  std::lock_guard lock(mutex_);
  if (by_condition_.size() >= kKeptConditions) by_condition_.clear();
  by_condition_.emplace(key, resolution);
  return resolution;
}

const SpeakerTally& Searcher::archive_speakers() const {
  std::call_once(speakers_->counted, [this] {
    const auto& segments = snapshot_->segments();
    for (size_t s = 0; s < segments.size(); ++s)
      for (uint32_t doc = 0; doc < segments[s]->doc_count(); ++doc)
        if (!segments[s]->is_deleted(doc))
          for (const auto& st : segments[s]->statements(doc))
            speakers_->tally.add(st, identity::article_key(s, doc), segments[s]->date(doc));
    speakers_->tally_counted = true;
  });
  return speakers_->tally;
}

std::vector<SpeakerCount> Searcher::count_by_identity(const SpeakerTally& tally) const {
  // The months give the identities' shown names too (each canonical name's
  // statements): the `P=` lists of older segments do not.
  if (!identities_from_postings_ || speakers_->tally_counted || !SnapshotNames::months_available(*snapshot_))
    return tally.counts(&archive_speakers());
  return tally.counts_by(*speakers_->every_name(*snapshot_));
}

std::vector<SpeakerCount> Searcher::whole_archive_speakers(const SpeakerOptions& options,
                                                           const std::function<std::vector<SpeakerCount>()>& count) const {
  if (!identities_from_postings_) return count();
  const std::string name = speakers_file_name(options);
  if (auto body = storage::read_derived(*snapshot_, name))
    if (auto rows = decode_speaker_counts(*body)) return std::move(*rows);
  auto rows = count();
  storage::write_derived(*snapshot_, name, encode_speaker_counts(rows));
  return rows;
}

void Searcher::widen_speakers(Query& query) const {
  if (!identities_from_postings_ || speakers_->tally_counted || !SnapshotNames::available(*snapshot_)) {
    archive_speakers().resolve_speakers(query);
    return;
  }
  if (!speakers_->every_name_at_hand(*snapshot_)) {
    const SnapshotNames& names = speakers_->names(*snapshot_);
    // Past the budget (an eighth of the statements by default), deciding
    // every name's identities, kept for every later condition, costs little
    // more.
    uint64_t statements = 0;
    for (const auto& segment : snapshot_->segments()) statements += segment->statement_count();
    const double most = identities_most_read_ * static_cast<double>(statements);
    const uint64_t budget = most < 1.8e19 ? static_cast<uint64_t>(most) : UINT64_MAX;
    Query attempt = copy_query(query);
    bool within_budget = true;
    identity::widen_speaker_nodes(*attempt.root, [&](const std::vector<std::string>& phrase) {
      auto resolution = speakers_->resolution_for(phrase, names, budget);
      if (resolution) return resolution;
      within_budget = false;
      return std::make_shared<const identity::Resolution>();  // widens nothing; the attempt is dropped
    });
    if (within_budget) {
      query = std::move(attempt);
      return;
    }
  }
  const auto every_name = speakers_->every_name(*snapshot_);
  identity::widen_speaker_nodes(*query.root, [&](const std::vector<std::string>&) { return every_name; });
}

}  // namespace attache::query
