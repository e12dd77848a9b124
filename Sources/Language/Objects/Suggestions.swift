/// The candidate closest to `name` by edit distance, when it is close
/// enough to be a likely typo ("did you mean 'model'?").
public func closestName(to name: String, in candidates: [String]) -> String? {
  let target = Array(name.lowercased())
  var best: (name: String, distance: Int)?
  for candidate in candidates where candidate != name {
    let distance = editDistance(target, Array(candidate.lowercased()))
    let allowed = max(1, min(target.count, candidate.count) / 3)
    guard distance <= allowed else { continue }
    if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
  }
  return best?.name
}

private func editDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  var previous = Array(0...b.count)
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
      current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
