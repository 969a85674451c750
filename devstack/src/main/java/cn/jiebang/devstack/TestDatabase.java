package cn.jiebang.devstack;

/** A database made for one test class (or one service of the local platform); dropped on close. */
public record TestDatabase(String name, String url, String user, String password, DatabaseServer server)
        implements AutoCloseable {

    @Override
    public void close() {
        ServerDatabases.drop(server, name);
    }
}
