// How a searcher widens speaker: conditions to identities: from the statements
// whose speakers' names can matter to each condition, found through the
// speakers' tables and the statement postings, or, for an index with segments
// written before those, from every statement of the archive.
#include "searcher_speakers.h"

namespace attache::query {

const SnapshotNames& Searcher::Speakers::names(const storage::IndexSnapshot& snapshot) {
  std::call_once(names_read_, [&] { names_ = std::make_unique<SnapshotNames>(snapshot); });
  return *names_;
}

std::shared_ptr<const identity::Resolution> Searcher::Speakers::resolution_for(const std::vector<std::string>& phrase,
                                                                               const identity::NameSource& names) {
  std::string key;
  for (const auto& word : phrase) (key += key.empty() ? "" : " ") += word;
  {
    std::lock_guard lock(mutex_);
    if (auto kept = by_condition_.find(key); kept != by_condition_.end()) return kept->second;
  }
  // Decided outside the lock: another thread's condition need not wait for this one.
  auto resolution =
      std::make_shared<const identity::Resolution>(identity::resolve(identity::forms_for_phrase(phrase, names)));
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
  });
  return speakers_->tally;
}

void Searcher::widen_speakers(Query& query) const {
  if (!identities_from_postings_ || !SnapshotNames::available(*snapshot_)) {
    archive_speakers().resolve_speakers(query);
    return;
  }
  const SnapshotNames& names = speakers_->names(*snapshot_);
  identity::widen_speaker_nodes(*query.root, [&](const std::vector<std::string>& phrase) {
    return speakers_->resolution_for(phrase, names);
  });
}

}  // namespace attache::query
