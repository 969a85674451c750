package cn.jiebang.notification.delivery.application;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to an address that {@link WebhookTargets} has already checked. Java's HTTP clients
 * resolve the URL's host themselves, which would open the gap between check and connection that DNS
 * rebinding uses; so this connects a socket to the checked address and keeps the URL's host name where
 * it belongs: in {@code Host}, and for https in SNI and in the certificate's host name check. Only what a
 * webhook needs: a body with a length, {@code Connection: close}, no redirects, the status code read and
 * the rest ignored.
 */
final class WebhookPost {

    private static final int MAX_LINE = 8192;

    private final SSLSocketFactory tls;
    private final Duration connectTimeout;
    private final Duration timeout;

    /**
     * @param connectTimeout for the TCP connection
     * @param timeout        from the start until the status line has arrived
     */
    WebhookPost(SSLSocketFactory tls, Duration connectTimeout, Duration timeout) {
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
    }

    /** Sends the POST and returns the answer's status code. */
    int send(WebhookTargets.Target target, Map<String, String> headers, byte[] body) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket plain = new Socket(Proxy.NO_PROXY)) {
            plain.connect(new InetSocketAddress(target.address(), target.port()), (int) connectTimeout.toMillis());
            Socket socket = plain;
            if (target.https()) {
                SSLSocket secure = (SSLSocket) tls.createSocket(plain, target.hostName(), target.port(), true);
                SSLParameters parameters = secure.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                secure.setSSLParameters(parameters);
                secure.setSoTimeout(remainingMillis(deadline));
                secure.startHandshake();
                socket = secure;
            }
            OutputStream out = socket.getOutputStream();
            out.write(head(target.uri(), headers, body.length).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            int status = status(readLine(socket, in, deadline));
            while (status / 100 == 1) {
                // an interim answer (100 Continue, 103 Early Hints): its header lines, then the real one
                String header;
                do {
                    header = readLine(socket, in, deadline);
                } while (!header.isEmpty());
                status = status(readLine(socket, in, deadline));
            }
            return status;
        }
    }

    static String head(URI uri, Map<String, String> headers, int length) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(uri.getPort() != -1 ? ":" + uri.getPort() : "")
                .append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("Content-Length: ").append(length).append("\r\n")
                .append("Connection: close\r\n\r\n").toString();
    }

    private static int status(String line) throws IOException {
        // HTTP/1.1 200 OK
        if (line.startsWith("HTTP/1.") && line.length() >= 12 && line.charAt(8) == ' ') {
            try {
                return Integer.parseInt(line.substring(9, 12));
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IOException("not an HTTP/1.x answer: " + (line.length() > 80 ? line.substring(0, 80) : line));
    }

    private static String readLine(Socket socket, InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            socket.setSoTimeout(remainingMillis(deadline));
            int b = in.read();
            if (b == -1) {
                throw new IOException("the connection closed before a complete answer");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("an answer line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("no answer in time");
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }
}
