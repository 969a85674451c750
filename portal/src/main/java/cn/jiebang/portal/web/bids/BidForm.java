package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.web.bids.BidApi.AttachmentRef;
import cn.jiebang.portal.web.bids.BidApi.CommittedIndicator;
import cn.jiebang.portal.web.bids.BidApi.Content;
import cn.jiebang.portal.web.bids.BidApi.Indicator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.value.ConvertibleMultiValues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bid form as the person filled it in: kept as typed, so a refused form comes back with their input,
 * and turned into bid-service's content. Rows left entirely blank are dropped; the rows kept are numbered
 * from 0 in the order shown, so bid-service's field paths ({@code coreMembers[1].title}) name the row
 * on the page.
 */
record BidForm(String idempotencyKey, @Nullable Integer baseVersion, List<Member> members, String teamLeadName,
               String teamLeadTitle, List<Person> coreMembers, String technicalApproach, List<MilestoneRow> milestones,
               List<IndicatorRow> indicators, String budget, BudgetUnit budgetUnit, List<AttachmentRow> attachments) {

    /** The unit the budget is typed in: 万元 for Chinese pages, CNY for English ones. The API takes CNY. */
    enum BudgetUnit {
        WAN, CNY;

        static BudgetUnit of(@Nullable String text, BudgetUnit otherwise) {
            if ("WAN".equals(text)) {
                return WAN;
            }
            return "CNY".equals(text) ? CNY : otherwise;
        }
    }

    record Member(String id, String name, @Nullable String region, @Nullable String kind) {
    }

    record Person(String name, String title) {
    }

    record MilestoneRow(String title, String dueOn, String deliverable) {
    }

    /** A challenge indicator and the value committed for it, as typed. */
    record IndicatorRow(Indicator indicator, String value) {

        public String name() {
            return indicator.name();
        }

        public String target() {
            return indicator.target();
        }

        public String targetValue() {
            return BidApi.plain(indicator.targetValue());
        }
    }

    record AttachmentRow(String id, String fileName, long sizeBytes, String sha256) {
    }

    /** A message of the bids bundle with its arguments, resolved in the page's language. */
    record Msg(String key, Object... args) {
    }

    /** The content for bid-service, and what could not be read (field path → why). */
    record Converted(Content content, Map<String, Msg> errors) {
    }

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    static BidForm empty(List<Indicator> indicators, BudgetUnit unit) {
        return new BidForm(newKey(), null, List.of(), "", "", List.of(), "", List.of(new MilestoneRow("", "", "")),
                indicators.stream().map(i -> new IndicatorRow(i, "")).toList(), "", unit, List.of());
    }

    /** The form prefilled with a version's content, to revise it. */
    static BidForm of(Content content, List<AttachmentRef> attachments, List<Indicator> indicators,
                      List<Member> members, BudgetUnit unit, int baseVersion) {
        List<IndicatorRow> rows = indicators.stream().map(i -> new IndicatorRow(i, content.committedIndicators().stream()
                .filter(c -> c.name().equals(i.name())).findFirst().map(c -> BidApi.plain(c.value())).orElse("")))
                .toList();
        BigDecimal budget = content.requestedBudget();
        String typed = budget == null ? "" : BidApi.plain(unit == BudgetUnit.WAN ? budget.movePointLeft(4) : budget);
        return new BidForm(newKey(), baseVersion, members, content.teamLead().name(), content.teamLead().title(),
                content.coreMembers().stream().map(m -> new Person(m.name(), m.title())).toList(),
                content.technicalApproach(),
                content.milestones().stream().map(m -> new MilestoneRow(m.title(),
                        m.dueOn() == null ? "" : m.dueOn().toString(), m.deliverable())).toList(),
                rows, typed, unit,
                attachments.stream().map(a -> new AttachmentRow(a.attachmentId(), a.fileName(), a.sizeBytes(), a.sha256()))
                        .toList());
    }

    /** The form as posted; the members are named by their ids until {@link #withMembers} names them. */
    static BidForm read(ConvertibleMultiValues<String> form, List<Indicator> indicators, BudgetUnit unitOtherwise) {
        String key = text(form, "idempotencyKey");
        Integer base = null;
        try {
            base = Integer.valueOf(text(form, "baseVersion"));
        } catch (NumberFormatException e) {
            // a new bid has none
        }
        List<Member> members = new LinkedHashSet<>(form.getAll("memberOrganizationIds")).stream()
                .filter(id -> !id.isBlank()).map(id -> new Member(id, id, null, null)).toList();
        List<Person> core = rows(form, "coreMembers", false, "name", "title").stream()
                .map(r -> new Person(r.get("name"), r.get("title"))).toList();
        List<MilestoneRow> milestones = rows(form, "milestones", false, "title", "dueOn", "deliverable").stream()
                .map(r -> new MilestoneRow(r.get("title"), r.get("dueOn"), r.get("deliverable"))).toList();
        Map<String, String> committed = new LinkedHashMap<>();
        for (Map<String, String> row : rows(form, "committedIndicators", true, "name", "value")) {
            committed.putIfAbsent(row.get("name"), row.get("value"));
        }
        List<IndicatorRow> rows = indicators.stream()
                .map(i -> new IndicatorRow(i, committed.getOrDefault(i.name(), ""))).toList();
        List<String> ids = form.getAll("attachmentIds");
        List<String> names = form.getAll("attachmentNames");
        List<String> sizes = form.getAll("attachmentSizes");
        List<String> hashes = form.getAll("attachmentHashes");
        List<AttachmentRow> attachments = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (!id.isBlank() && attachments.stream().noneMatch(a -> a.id().equals(id))) {
                attachments.add(new AttachmentRow(id, at(names, i, id), size(at(sizes, i, "0")), at(hashes, i, "")));
            }
        }
        return new BidForm(key.isBlank() || key.length() > 100 ? newKey() : key, base, members,
                text(form, "teamLead.name"), text(form, "teamLead.title"), core, text(form, "technicalApproach"),
                milestones, rows, text(form, "requestedBudget"), BudgetUnit.of(text(form, "budgetUnit"), unitOtherwise),
                attachments);
    }

    BidForm withMembers(List<Member> named) {
        return new BidForm(idempotencyKey, baseVersion, named, teamLeadName, teamLeadTitle, coreMembers,
                technicalApproach, milestones, indicators, budget, budgetUnit, attachments);
    }

    BidForm withBaseVersion(int version) {
        return new BidForm(idempotencyKey, version, members, teamLeadName, teamLeadTitle, coreMembers,
                technicalApproach, milestones, indicators, budget, budgetUnit, attachments);
    }

    /** At least one milestone row to type into. */
    public List<MilestoneRow> milestoneRows() {
        return milestones.isEmpty() ? List.of(new MilestoneRow("", "", "")) : milestones;
    }

    /**
     * bid-service's content. A number or date that cannot be read is sent as nothing, so bid-service reports
     * every other fault in the same answer, and the reason is kept here to show at the field instead of its.
     */
    Converted toContent() {
        Map<String, Msg> errors = new LinkedHashMap<>();
        List<BidApi.Milestone> ms = new ArrayList<>();
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneRow row = milestones.get(i);
            LocalDate due = null;
            if (!row.dueOn().isBlank()) {
                try {
                    due = LocalDate.parse(row.dueOn().strip());
                } catch (DateTimeParseException e) {
                    errors.put("milestones[" + i + "].dueOn", new Msg("bids.error.date"));
                }
            }
            ms.add(new BidApi.Milestone(row.title().strip(), due, row.deliverable().strip()));
        }
        List<CommittedIndicator> committed = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorRow row = indicators.get(i);
            Optional<BigDecimal> value = decimal(row.value());
            if (value.isEmpty() && !row.value().isBlank()) {
                errors.put("committedIndicators[" + i + "].value", new Msg("bids.error.number"));
            }
            committed.add(new CommittedIndicator(row.name(), value.orElse(null)));
        }
        BigDecimal cny = null;
        Optional<BigDecimal> typed = decimal(budget);
        if (typed.isEmpty() && !budget.isBlank()) {
            errors.put("requestedBudget", new Msg("bids.error.number"));
        } else if (typed.isPresent()) {
            BigDecimal value = budgetUnit == BudgetUnit.WAN ? typed.get().movePointRight(4) : typed.get();
            if (value.stripTrailingZeros().scale() > 2) {
                errors.put("requestedBudget", new Msg("bids.error.budget-decimals." + budgetUnit));
            } else {
                cny = value.setScale(2);
            }
        }
        Content content = new Content(members.stream().map(Member::id).toList(),
                new BidApi.TeamMember(teamLeadName.strip(), teamLeadTitle.strip()),
                coreMembers.stream().map(p -> new BidApi.TeamMember(p.name().strip(), p.title().strip())).toList(),
                technicalApproach.strip(), ms, committed, cny, attachments.stream().map(AttachmentRow::id).toList());
        return new Converted(content, errors);
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static Optional<BigDecimal> decimal(String typed) {
        String cleaned = typed.replace(",", "").replace("，", "").replace(" ", "").strip();
        if (!DECIMAL.matcher(cleaned).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(cleaned));
    }

    private static String text(ConvertibleMultiValues<String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value;
    }

    private static String at(List<String> values, int i, String otherwise) {
        return i < values.size() ? values.get(i) : otherwise;
    }

    private static long size(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The rows named {@code prefix[i].field}, in the order of i, unless kept, without those left entirely blank. */
    private static List<Map<String, String>> rows(ConvertibleMultiValues<String> form, String prefix, boolean keepBlank,
                                                  String... fields) {
        Pattern name = Pattern.compile(Pattern.quote(prefix) + "\\[(\\d{1,4})]\\.(\\w+)");
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String key : form.names()) {
            Matcher m = name.matcher(key);
            if (m.matches()) {
                indexes.add(Integer.valueOf(m.group(1)));
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int index : indexes) {
            Map<String, String> row = new LinkedHashMap<>();
            boolean blank = true;
            for (String field : fields) {
                String value = text(form, prefix + "[" + index + "]." + field);
                row.put(field, value);
                blank &= value.isBlank();
            }
            if (!blank || keepBlank) {
                rows.add(row);
            }
        }
        return rows;
    }
}
