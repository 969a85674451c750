package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.upstream.UpstreamProblem;
import cn.jiebang.portal.web.Formats;
import cn.jiebang.portal.web.bids.BidApi.Challenge;
import cn.jiebang.portal.web.bids.BidForm.Msg;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The faults of a refused bid form in the person's language, each at the field it is about. bid-service
 * names fields by their path in the content ({@code committedIndicators[0].value}) and explains them in
 * English; the page says the same in its own words, so no service text reaches it. A fault about no
 * field of the form (the lead organization's eligibility) is listed at the top.
 */
final class FieldErrors {

    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)](?:\\.(\\w+))?");
    private static final Pattern SIZE = Pattern.compile("size must be between (\\d+) and (\\d+)");
    private static final List<String> LISTS = List.of("memberOrganizationIds", "coreMembers", "milestones",
            "committedIndicators", "attachmentIds");

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();

    static FieldErrors none() {
        return new FieldErrors();
    }

    /**
     * The problem's field errors and the form's own ({@code local}: numbers and dates it could not read,
     * which replace what bid-service said of the field sent empty instead).
     */
    static FieldErrors of(@Nullable UpstreamProblem problem, Map<String, Msg> local, BidForm form, Challenge challenge,
                          Formats fmt) {
        FieldErrors errors = new FieldErrors();
        Map<String, List<String>> texts = new LinkedHashMap<>();
        if (problem != null) {
            for (UpstreamProblem.FieldError e : problem.errors()) {
                String field = e.field().startsWith("content.") ? e.field().substring("content.".length()) : e.field();
                if (local.containsKey(field)) {
                    continue;
                }
                texts.computeIfAbsent(placement(field, form), k -> new ArrayList<>())
                        .add(text(field, e.message() == null ? "" : e.message(), form, challenge, fmt));
            }
        }
        local.forEach((field, msg) -> texts.computeIfAbsent(placement(field, form), k -> new ArrayList<>())
                .add(0, fmt.msg(msg.key(), msg.args())));
        texts.forEach((field, list) -> {
            String joined = list.stream().distinct().collect(Collectors.joining(fmt.zh() ? "；" : "; "));
            if (field == null) {
                errors.general.add(joined);
            } else {
                errors.byField.put(field, joined);
            }
        });
        return errors;
    }

    /** The text to show at {@code path}, or null. */
    @Nullable
    public String get(String path) {
        return byField.get(path);
    }

    public boolean has(String path) {
        return byField.containsKey(path);
    }

    /** The id of the field's element: {@code coreMembers[0].name} → {@code coreMembers-0-name}. */
    public static String id(String path) {
        return path.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    /** The same, for templates. */
    public String idOf(String path) {
        return id(path);
    }

    /** Faults about nothing on the form. */
    public List<String> general() {
        return general;
    }

    public boolean isEmpty() {
        return byField.isEmpty() && general.isEmpty();
    }

    /** The fields with a fault, in the order bid-service named them: for the summary's links. */
    public List<String> fields() {
        return List.copyOf(byField.keySet());
    }

    /** Where on the form a field path's message goes; null for the list at the top. */
    @Nullable
    static String placement(String path, BidForm form) {
        Matcher m = INDEXED.matcher(path);
        if (m.matches()) {
            String list = m.group(1);
            int index = Integer.parseInt(m.group(2));
            String field = m.group(3);
            return switch (list) {
                case "memberOrganizationIds", "attachmentIds" -> list;
                case "coreMembers" -> index < form.coreMembers().size() && field != null ? path : list;
                case "milestones" -> index < form.milestoneRows().size() && field != null ? path : list;
                case "committedIndicators" -> index < form.indicators().size() && "value".equals(field) ? path : list;
                default -> null;
            };
        }
        return switch (path) {
            case "teamLead", "teamLead.name" -> "teamLead.name";
            case "teamLead.title", "technicalApproach", "requestedBudget", "memberOrganizationIds", "coreMembers",
                 "milestones", "committedIndicators", "attachmentIds" -> path;
            default -> null;
        };
    }

    /** bid-service's reason (bean validation's or BidRules') in the page's language. */
    static String text(String path, String message, BidForm form, Challenge challenge, Formats fmt) {
        String said = message.toLowerCase(Locale.ROOT);
        Matcher indexed = INDEXED.matcher(path);
        String list = indexed.matches() ? indexed.group(1) : path;
        int index = indexed.matches() ? Integer.parseInt(indexed.group(2)) : -1;
        if (said.contains("must not be blank") || said.contains("must not be null") || said.contains("must not be empty")) {
            return fmt.msg(LISTS.contains(path) ? "bids.error.required-list" : "bids.error.required");
        }
        Matcher size = SIZE.matcher(said);
        if (size.find()) {
            return fmt.msg(LISTS.contains(path) ? "bids.error.size-list" : "bids.error.size", size.group(2));
        }
        if (said.contains("numeric value out of bounds")) {
            return fmt.msg("bids.error.digits");
        }
        if (said.contains("must be greater than")) {
            return fmt.msg("bids.error.positive");
        }
        switch (list) {
            case "requestedBudget":
                if (said.contains("total budget")) {
                    return fmt.msg("bids.error.budget-above-total", fmt.money(challenge.totalBudget()));
                }
                break;
            case "committedIndicators":
                if (said.contains("weaker than the target") && index >= 0 && index < form.indicators().size()) {
                    return fmt.msg("bids.error.indicator-weaker", form.indicators().get(index).target());
                }
                if (said.contains("commit a value")) {
                    return fmt.msg("bids.error.indicator-missing");
                }
                if (said.contains("committed twice")) {
                    return fmt.msg("bids.error.indicator-twice");
                }
                if (said.contains("not an indicator")) {
                    return fmt.msg("bids.error.indicator-unknown");
                }
                break;
            case "memberOrganizationIds":
                if (index < 0 && said.contains("at most")) {
                    return fmt.msg("bids.error.members-too-many", challenge.eligibility().maxConsortiumMembers());
                }
                String member = index >= 0 && index < form.members().size() ? form.members().get(index).name() : "";
                if (said.contains("named twice")) {
                    return fmt.msg("bids.error.member-twice", member);
                }
                if (said.contains("not a registered")) {
                    return fmt.msg("bids.error.member-unknown", member);
                }
                break;
            case "attachmentIds":
                String file = index >= 0 && index < form.attachments().size() ? form.attachments().get(index).fileName() : "";
                if (said.contains("attached twice")) {
                    return fmt.msg("bids.error.attachment-twice", file);
                }
                if (said.contains("uploaded")) {
                    return fmt.msg("bids.error.attachment-unknown", file);
                }
                break;
            case "leadOrganization":
                BidApi.Eligibility rules = challenge.eligibility();
                if (said.contains("past winners") || said.contains("has won")) {
                    return fmt.msg("bids.error.lead-past-winner");
                }
                if (said.contains("admits") && said.startsWith("is in")) {
                    return fmt.msg("bids.error.lead-region", labels(fmt, "region", rules.allowedRegions()));
                }
                if (said.contains("admits")) {
                    return fmt.msg("bids.error.lead-kind", labels(fmt, "orgkind", rules.allowedOrganizationKinds()));
                }
                break;
            default:
                break;
        }
        return fmt.msg("bids.error.invalid");
    }

    private static String labels(Formats fmt, String group, @Nullable List<String> codes) {
        return codes == null ? "" : codes.stream().map(c -> fmt.label(group, c))
                .collect(Collectors.joining(fmt.zh() ? "、" : ", "));
    }
}
