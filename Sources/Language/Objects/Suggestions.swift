/// The candidate closest to `name`, when it is close enough to be a likely
/// typo ("did you mean 'model'?"). Distances weigh a change of case less
/// than other edits, and the allowance grows with the names' lengths.
public func closestName(to name: String, in candidates: [String]) -> String? {
  let target = Array(name)
  guard target.count <= 40 else { return nil }
  var best: (name: String, distance: Int)?
  for candidate in Set(candidates) where candidate != name {
    let other = Array(candidate)
    guard other.count <= 40 else { continue }
    let allowed = (target.count + other.count + 3) * editCost / 6
    let distance = weightedDistance(target, other)
    guard distance <= allowed else { continue }
    if let current = best,
      distance > current.distance || (distance == current.distance && candidate >= current.name)
    {
      continue
    }
    best = (candidate, distance)
  }
  return best?.name
}

private let editCost = 2
private let caseCost = 1

private func weightedDistance(_ a: [Character], _ b: [Character]) -> Int {
  if a.isEmpty { return b.count * editCost }
  if b.isEmpty { return a.count * editCost }
  var previous = (0...b.count).map { $0 * editCost }
  var current = [Int](repeating: 0, count: b.count + 1)
  for i in 1...a.count {
    current[0] = i * editCost
    for j in 1...b.count {
      let substitution: Int
      if a[i - 1] == b[j - 1] {
        substitution = 0
      } else if a[i - 1].lowercased() == b[j - 1].lowercased() {
        substitution = caseCost
      } else {
        substitution = editCost
      }
      current[j] = min(
        previous[j] + editCost, current[j - 1] + editCost, previous[j - 1] + substitution)
    }
    swap(&previous, &current)
  }
  return previous[b.count]
}
