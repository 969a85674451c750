package cn.jiebang.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.nio.charset.StandardCharsets.UTF_8;

/** Seeds the demo through the public API, as the program office would: one challenge, created and published. */
final class DemoData {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Returns the id of the published demo challenge. */
    String publishDemoChallenge(String challengeService, Instant now) throws IOException, InterruptedException {
        Instant opens = now.truncatedTo(ChronoUnit.DAYS);
        Instant closes = opens.plus(45, ChronoUnit.DAYS).plus(9, ChronoUnit.HOURS);
        String body = """
                {"title": "高端光刻胶国产化：28纳米ArF光刻胶",
                 "problemStatement": "研制满足28纳米工艺要求的ArF光刻胶，分辨率不低于28纳米、线宽粗糙度不高于2.5纳米，完成产线验证。",
                 "technologyField": "NEW_MATERIALS",
                 "totalBudget": "30000000.00",
                 "bidOpensAt": "%s",
                 "bidClosesAt": "%s"}
                """.formatted(opens, closes);
        String created = post(challengeService + "/api/challenges", body, 201);
        Matcher id = ID.matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("no id in " + created);
        }
        post(challengeService + "/api/challenges/" + id.group(1) + "/publish", "", 200);
        return id.group(1);
    }

    private String post(String url, String json, int expected) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        if (response.statusCode() != expected) {
            throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
