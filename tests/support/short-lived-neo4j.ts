// JVM options for a Neo4j a test starts, stops and restarts itself (bulk loads, kill -9): C1 only.
// C2's compiler threads make a start take twice as long on the test machine's 2 busy CPUs (measured
// 15 s against 7.5 s), and these instances hold a fixture or the demo municipality, too little for
// C2's faster code to pay off. The suite's shared instance keeps the default.
export const SHORT_LIVED_JVM = ['-XX:TieredStopAtLevel=1'];
