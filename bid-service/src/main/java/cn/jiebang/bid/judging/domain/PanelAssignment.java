package cn.jiebang.bid.judging.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who judges which bid, as a pure function: each bid gets the round's minimum of judges from the panel,
 * never a judge of an organization of the bid (lead or member), the least-loaded judges first (then by id,
 * so the result is reproducible). The bids with the fewest eligible judges are served first, so conflicts do
 * not pile the load on the others. A bid without enough eligible judges gets all there are and is reported.
 */
public final class PanelAssignment {

    private PanelAssignment() {
    }

    /** A bid and the organizations taking part in it. */
    public record Bid(String bidId, Set<String> organizations) {
    }

    /** A panel judge and its organization (null when bid-service does not know the judge: never eligible). */
    public record Judge(String judgeId, String organization) {
    }

    public record Plan(Map<String, List<String>> judgesByBid, List<String> shortOfJudges) {
    }

    public static Plan assign(List<Bid> bids, List<Judge> panel, int minJudges) {
        Map<String, Integer> load = new TreeMap<>();
        panel.forEach(j -> load.put(j.judgeId(), 0));
        Map<String, List<String>> byBid = new LinkedHashMap<>();
        List<String> short_ = new ArrayList<>();
        Comparator<Bid> mostConstrainedFirst = Comparator
                .comparingInt((Bid b) -> eligible(b, panel, Set.of()).size()).thenComparing(Bid::bidId);
        for (Bid bid : bids.stream().sorted(mostConstrainedFirst).toList()) {
            List<String> chosen = eligible(bid, panel, Set.of()).stream().sorted(leastLoadedFirst(load))
                    .limit(minJudges).toList();
            chosen.forEach(j -> load.merge(j, 1, Integer::sum));
            byBid.put(bid.bidId(), chosen);
            if (chosen.size() < minJudges) {
                short_.add(bid.bidId());
            }
        }
        return new Plan(byBid, short_);
    }

    /**
     * Who takes over a bid after a declared conflict: the least-loaded eligible panel judge (by active
     * assignments in {@code load}) who has not been on the bid; none when nobody is left.
     */
    public static java.util.Optional<String> replacement(Bid bid, List<Judge> panel, Set<String> beenOnIt,
                                                         Map<String, Integer> load) {
        return eligible(bid, panel, beenOnIt).stream().min(leastLoadedFirst(load));
    }

    private static Comparator<String> leastLoadedFirst(Map<String, Integer> load) {
        return Comparator.comparing((String j) -> load.getOrDefault(j, 0)).thenComparing(j -> j);
    }

    /** The panel judges who may judge the bid and have not been on it ({@code excluded}). */
    public static List<String> eligible(Bid bid, List<Judge> panel, Set<String> excluded) {
        return panel.stream()
                .filter(j -> j.organization() != null && !bid.organizations().contains(j.organization()))
                .map(Judge::judgeId).filter(j -> !excluded.contains(j)).sorted().toList();
    }
}
