package cn.jiebang.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay between a test's context and its database that the test can cut, as a database outage looks
 * from the service: open connections are reset and new ones are refused, until the link is restored.
 */
final class SeverableLink implements AutoCloseable {

    private static final Pattern HOST_AND_PORT = Pattern.compile("//([^/:?]+):(\\d+)");

    private final String host;
    private final int port;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    /** A link to the server of this JDBC URL. */
    SeverableLink(String jdbcUrl) {
        Matcher matcher = HOST_AND_PORT.matcher(jdbcUrl);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no host and port in " + jdbcUrl);
        }
        this.host = matcher.group(1);
        this.port = Integer.parseInt(matcher.group(2));
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "severable-link-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The same URL, through this link. */
    String through(String jdbcUrl) {
        return HOST_AND_PORT.matcher(jdbcUrl).replaceFirst("//127.0.0.1:" + server.getLocalPort());
    }

    /** Resets every open connection; new ones are reset as soon as they connect. */
    void cut() {
        cut = true;
        open.forEach(this::reset);
    }

    void restore() {
        cut = false;
    }

    @Override
    public void close() throws IOException {
        server.close();
        open.forEach(this::reset);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    reset(client);
                    continue;
                }
                Socket upstream = new Socket(host, port);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // the server socket closed, or the database refused: the client sees its connection fail
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away: close both below
            } finally {
                reset(from);
                reset(to);
            }
        }, "severable-link-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void reset(Socket socket) {
        open.remove(socket);
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
