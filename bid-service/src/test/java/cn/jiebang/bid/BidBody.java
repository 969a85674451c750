package cn.jiebang.bid;

import cn.jiebang.bid.challenge.domain.BiddingChallenge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A valid bid body for {@code Published.challenge} (分辨率 ≤ 28 nm), changed only where a test cares. */
final class BidBody {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private BidBody() {
        body.put("memberOrganizationIds", new ArrayList<>());
        body.put("teamLead", Map.of("name", "王建国", "title", "研究员"));
        body.put("coreMembers", List.of(Map.of("name", "陈静", "title", "副研究员"), Map.of("name", "赵磊", "title", "工程师")));
        body.put("technicalApproach", "化学放大光刻胶体系，自主合成树脂与光致产酸剂 𠀀 🚀");
        // due within any test challenge: its window opened by today, its last round closes 9 days or more from now
        body.put("milestones", List.of(Map.of("title", "小试", "dueOn", LocalDate.now(BiddingChallenge.CALENDAR).plusDays(3).toString(),
                "deliverable", "分辨率 32nm 样品")));
        body.put("committedIndicators", new ArrayList<>(List.of(Map.of("name", "分辨率", "value", "26"))));
        body.put("requestedBudget", "1000000.00");
        body.put("attachmentIds", new ArrayList<>());
    }

    static BidBody aBid() {
        return new BidBody();
    }

    BidBody with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    Map<String, Object> build() {
        return body;
    }
}
