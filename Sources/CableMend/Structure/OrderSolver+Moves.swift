/// Pricing Or-opt moves for ``OrderSolver/improve(_:)`` in amortised O(L) each.
///
/// ``OrderSolver/delta(_:from:length:to:)`` prices one move from scratch: the precedence part
/// sums every pair of (moved fragment, jumped fragment), O(L · d) for a jump of d places, and
/// a sweep tries every target, so one run costs O(L · n²). Here the precedence part is
/// accumulated once per run for all targets, walking away from the run one jumped fragment at
/// a time (O(L · n) per run), and the neighbour part is split into what taking the run out
/// changes (once per run) and what putting it back changes (O(1) per target). The sums are the
/// same terms as `delta`'s; the precedence terms are added in another order.
extension OrderSolver {
  /// `jump[target]`: the precedence part of moving `path[i..<i+length]` to `target`, for
  /// every target of the shortened path (`jump[i]` is 0). `jump` must hold `path.count + 1`.
  func jumpChanges(_ path: [Int], from i: Int, length: Int, into jump: inout [Double]) {
    let end = i + length - 1
    let last = path.count - length
    let n = count
    jump[i] = 0
    lead.withUnsafeBufferPointer { lead in
      var total = 0.0
      if i < last {
        for target in (i + 1)...last {
          // Moving one place further forward jumps over one more fragment.
          let t = path[target + length - 1]
          for s in i...end { total += lead[path[s] * n + t] }
          jump[target] = total
        }
      }
      total = 0
      var target = i - 1
      while target >= 0 {
        let t = path[target]
        for s in i...end { total += lead[t * n + path[s]] }
        jump[target] = total
        target -= 1
      }
    }
  }

  /// The neighbour (`follow`) part of ``OrderSolver/delta(_:from:length:to:)``.
  func linkChange(_ path: [Int], from i: Int, length: Int, to target: Int) -> Double {
    removalChange(path, from: i, length: length)
      + insertionChange(path, from: i, length: length, to: target)
  }

  /// The links lost and gained by taking `path[i..<i+length]` out; the same for every target.
  func removalChange(_ path: [Int], from i: Int, length: Int) -> Double {
    let n = count
    let stride = n + 1
    let end = i + length - 1
    let a = i > 0 ? path[i - 1] : n
    let d = end + 1 < path.count ? path[end + 1] : n
    return links[a * stride + d] - links[a * stride + path[i]] - links[path[end] * stride + d]
  }

  /// The links gained and lost by putting the run back at `target` of the shortened path.
  @inline(__always)
  func insertionChange(_ path: [Int], from i: Int, length: Int, to target: Int) -> Double {
    let n = count
    let b = path[i]
    let c = path[i + length - 1]
    let restCount = path.count - length
    let e = target > 0 ? (target - 1 < i ? path[target - 1] : path[target - 1 + length]) : n
    let g = target < restCount ? (target < i ? path[target] : path[target + length]) : n
    let stride = n + 1
    return links[e * stride + b] + links[c * stride + g] - links[e * stride + g]
  }
}
