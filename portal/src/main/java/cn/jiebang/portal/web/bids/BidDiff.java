package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.web.Formats;
import cn.jiebang.portal.web.bids.BidApi.Content;
import cn.jiebang.portal.web.bids.BidApi.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What changed between two versions of a bid, field by field, as the person reads them: each field as
 * lines of text, a changed field side by side with the lines only one version has marked.
 */
final class BidDiff {

    /** A line of one side; {@code changed} when the other side does not have it. */
    record Line(String text, boolean changed) {
    }

    /** A field both versions have, as lines; {@code changed} also when only the order of its lines differs. */
    record Field(String label, List<Line> from, List<Line> to, boolean changed) {
    }

    record Result(List<Field> changed, List<String> unchanged) {
    }

    private BidDiff() {
    }

    /** {@code names}: organization id → name, for the consortium. */
    static Result between(Version from, Version to, Map<String, String> names, Formats fmt) {
        List<Field> fields = new ArrayList<>();
        fields.add(field(fmt, "bids.field.members", from, to,
                c -> c.memberOrganizationIds().stream().map(id -> names.getOrDefault(id, id)).toList()));
        fields.add(field(fmt, "bids.field.team-lead", from, to,
                c -> List.of(person(c.teamLead().name(), c.teamLead().title()))));
        fields.add(field(fmt, "bids.field.core-members", from, to,
                c -> c.coreMembers().stream().map(m -> person(m.name(), m.title())).toList()));
        fields.add(field(fmt, "bids.field.approach", from, to,
                c -> List.of(c.technicalApproach().split("\\R", -1))));
        fields.add(field(fmt, "bids.field.milestones", from, to, c -> c.milestones().stream()
                .map(m -> fmt.date(m.dueOn()) + " · " + m.title() + " — " + m.deliverable()).toList()));
        fields.add(field(fmt, "bids.field.indicators", from, to, c -> c.committedIndicators().stream()
                .map(i -> i.name() + ": " + BidApi.plain(i.value())).toList()));
        fields.add(field(fmt, "bids.field.budget", from, to, c -> List.of(fmt.money(c.requestedBudget()))));
        fields.add(field(fmt.msg("bids.field.attachments"), files(from, fmt), files(to, fmt)));
        List<Field> changed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Field f : fields) {
            if (f.changed()) {
                changed.add(f);
            } else {
                unchanged.add(f.label());
            }
        }
        return new Result(changed, unchanged);
    }

    private static Field field(Formats fmt, String label, Version from, Version to, Function<Content, List<String>> text) {
        return field(fmt.msg(label), text.apply(from.content()), text.apply(to.content()));
    }

    private static Field field(String label, List<String> a, List<String> b) {
        return new Field(label, lines(a, b), lines(b, a), !a.equals(b));
    }

    private static List<String> files(Version version, Formats fmt) {
        return version.attachments().stream()
                .map(a -> a.fileName() + " (" + fmt.size(a.sizeBytes()) + ", SHA-256 " + a.sha256() + ")").toList();
    }

    /** Each line of {@code side}, changed when {@code other} has no such line left to pair it with. */
    private static List<Line> lines(List<String> side, List<String> other) {
        List<String> unpaired = new ArrayList<>(other);
        List<Line> lines = new ArrayList<>();
        for (String s : side) {
            lines.add(new Line(s, !unpaired.remove(s)));
        }
        return lines;
    }

    private static String person(String name, String title) {
        return title == null || title.isBlank() ? name : name + " · " + title;
    }
}
