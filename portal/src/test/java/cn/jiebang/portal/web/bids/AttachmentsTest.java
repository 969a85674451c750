package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.support.FakeServices;
import cn.jiebang.portal.support.PortalClient;
import cn.jiebang.portal.support.PortalTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class AttachmentsTest extends PortalTest {

    private static final String UPLOAD = "/challenges/c-1/bid/attachments";
    private static final String API_UPLOAD = "/api/challenges/c-1/attachments";

    @Test
    void anUploadIsForwardedToBidServiceAndAnsweredWithItsLineForTheForm() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        fake.on("POST", API_UPLOAD, 201, """
                {"id":"a-9","challengeId":"c-1","fileName":"检测报告.pdf","contentType":"application/pdf",
                 "sizeBytes":2048,"sha256":"%s","uploadedAt":"2026-03-01T00:00:00Z"}""".formatted(BidFixtures.SHA_PLAN));

        PortalClient.Page answer = upload(browser, "检测报告.pdf", "%PDF-1.7 report");

        assertEquals(201, answer.status());
        Document fragment = answer.document();
        Element line = fragment.selectFirst("li.attachment");
        assertEquals("检测报告.pdf", line.select(".attachment-name").text());
        assertEquals("2.0 KB", line.select(".attachment-size").text());
        assertEquals(BidFixtures.SHA_PLAN, line.select(".attachment-hash").text());
        assertEquals("a-9", line.select("input[name=attachmentIds]").val());
        assertEquals("bid-form", line.select("input[name=attachmentIds]").attr("form"));
        assertEquals("/my/attachments/a-9", line.select("a").attr("href"));
        assertEquals("已上传 检测报告.pdf。", fragment.select("#upload-status[hx-swap-oob]").text());
        FakeServices.Received sent = fake.received("POST", API_UPLOAD).get(0);
        assertTrue(sent.header("Content-Type").startsWith("multipart/form-data"));
        assertEquals("Bearer token-TEAM", sent.header("Authorization"));
        String body = new String(sent.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("name=\"file\""), body);
        assertTrue(body.contains("%PDF-1.7 report"));
    }

    @Test
    void aFileOfAnotherTypeIsRefusedWithAMessageInThePlaceOfTheStatus() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        fake.on("POST", API_UPLOAD, 422, """
                {"type":"https://jiebang.cn/problems/attachment-type-not-accepted","title":"Unprocessable Entity",
                 "status":422,"detail":"only PDF, PNG and JPEG files are accepted"}""");

        PortalClient.Page answer = upload(browser, "notes.txt", "plain text");

        assertEquals(422, answer.status());
        assertEquals("#upload-status", answer.header("HX-Retarget"));
        assertEquals("只接受 PDF、PNG 或 JPEG 文件。", answer.document().select("#upload-error").text());
    }

    @Test
    void aFileTooLargeIsRefusedWithAMessage() {
        PortalClient browser = browser().language("en").signIn(fake, "TEAM");
        fake.on("POST", API_UPLOAD, 413, """
                {"type":"https://jiebang.cn/problems/attachment-too-large","title":"Request Entity Too Large","status":413}""");

        PortalClient.Page answer = upload(browser, "huge.pdf", "%PDF-1.7 …");

        assertEquals(413, answer.status());
        assertEquals("The file is larger than the platform accepts.", answer.document().select("#upload-error").text());
    }

    @Test
    void aDownloadStreamsTheFileFromBidServiceWithThePersonsToken() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        fake.onRaw("GET", "/api/attachments/a-1", new FakeServices.Answer(200, "application/pdf",
                "%PDF-1.7 the plan".getBytes(StandardCharsets.US_ASCII)));

        PortalClient.Page file = browser.get("/my/attachments/a-1");

        assertEquals(200, file.status());
        assertEquals("%PDF-1.7 the plan", file.body());
        assertEquals("application/pdf", file.header("Content-Type"));
        assertTrue(file.header("Content-Disposition").startsWith("attachment"));
        assertEquals("Bearer token-TEAM", fake.received("GET", "/api/attachments/a-1").get(0).header("Authorization"));
    }

    @Test
    void aFileThePersonMayNotReadIsNotFound() {
        PortalClient browser = browser().signIn(fake, "TEAM");
        fake.on("GET", "/api/attachments/a-2", 404, """
                {"type":"https://jiebang.cn/problems/bid-not-found","title":"Not Found","status":404}""");

        PortalClient.Page answer = browser.get("/my/attachments/a-2");

        assertEquals(404, answer.status());
        assertEquals("找不到该页面或内容。", answer.document().select("#error-message").text());
    }

    private PortalClient.Page upload(PortalClient browser, String name, String content) {
        String boundary = "----jiebang-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return browser.send(HttpRequest.newBuilder(URI.create(browser.base() + UPLOAD))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("HX-Request", "true")
                .header("X-CSRF-Token", browser.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }
}
