package cn.jiebang.devstack;

/** A MySQL-protocol server reachable with an account that may create and drop databases. */
public record DatabaseServer(String url, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseServer[" + url + " as " + user + "]";
    }
}
