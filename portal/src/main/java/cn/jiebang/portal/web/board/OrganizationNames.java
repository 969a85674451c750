package cn.jiebang.portal.web.board;

import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.ServiceUnavailable;
import cn.jiebang.portal.upstream.Upstream;
import cn.jiebang.portal.upstream.UpstreamProblem;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Organizations by name, from challenge-service's public directory. A board page shows the same few
 * agencies over and over, so each answer is kept briefly (a renamed organization shows its new name
 * after at most {@code jiebang.portal.directory-cache}); an organization the directory does not show
 * (pending, rejected, unknown) has no name, and a failing directory leaves names out rather than the page.
 */
@Singleton
class OrganizationNames {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final int MAX_ENTRIES = 2_000;

    private record Entry(Optional<String> name, Instant until) {
    }

    private final Upstream upstream;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    OrganizationNames(Upstream upstream, Clock clock,
                      @Value("${jiebang.portal.directory-cache:5m}") Duration ttl) {
        this.upstream = upstream;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Id → name for those of {@code ids} the directory names; each id is looked up at most once. */
    Map<String, String> of(Collection<String> ids) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : ids) {
            if (id != null && !names.containsKey(id)) {
                nameOf(id).ifPresent(name -> names.put(id, name));
            }
        }
        return names;
    }

    Optional<String> nameOf(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry cached = cache.get(id);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.name();
        }
        Optional<String> name;
        try {
            name = upstream.find(Service.CHALLENGE, "/api/directory/organizations/" + id, null,
                    ChallengeApi.DirectoryEntry.class).map(ChallengeApi.DirectoryEntry::name);
        } catch (UpstreamProblem | ServiceUnavailable e) {
            return Optional.empty();
        }
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(id, new Entry(name, now.plus(ttl)));
        return name;
    }
}
