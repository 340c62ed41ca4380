// title: Withdraw a review decision
// description: The link between $algorithm and $target is open again (proposed, not decided).
MATCH (d:AlgorithmReview {key: $algorithm + '>' + $target})
DELETE d
RETURN count(*) AS removed
