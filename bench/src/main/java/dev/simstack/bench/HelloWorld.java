package dev.simstack.bench;

/** The baseline child of the cold-start measurement: a JVM that starts, prints, and exits. */
public final class HelloWorld {

    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println(ColdStart.READY);
        System.out.flush();
    }
}
