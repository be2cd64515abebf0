import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Starts DynamoDB Local bound to 127.0.0.1 instead of every interface.
 *
 * <p>DynamoDB Local has no bind-address option: its DynamoDBProxyServer builds a Jetty
 * {@code Server(port)}, which listens on 0.0.0.0. This launcher builds the server through the
 * documented embedding entry point ({@code ServerRunner.createServerFromCommandLineArgs}), sets the
 * host of its Jetty connectors to the loopback address before starting it, and prints the port
 * bound, which the parent process waits for. It also exits when its standard input closes, so the
 * engine never outlives the Node process that started it, even one killed with SIGKILL.
 * Everything is reached by reflection, so the file compiles with the JDK alone (source-file mode).
 *
 * <p>Usage: {@code java -cp DynamoDBLocal.jar LoopbackLauncher.java <DynamoDB Local arguments>}
 */
public final class LoopbackLauncher {
  private static final String HOST = "127.0.0.1";

  public static void main(String[] args) throws Exception {
    exitWhenParentGoes();
    Class<?> runner = Class.forName("software.amazon.dynamodb.services.local.main.ServerRunner");
    Object proxy = runner.getMethod("createServerFromCommandLineArgs", String[].class).invoke(null, (Object) args);

    Field serverField = proxy.getClass().getDeclaredField("server");
    serverField.setAccessible(true);
    Object jetty = serverField.get(proxy);
    Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
    if (connectors.length == 0) {
      throw new IllegalStateException("DynamoDB Local created no Jetty connector");
    }
    for (Object connector : connectors) {
      connector.getClass().getMethod("setHost", String.class).invoke(connector, HOST);
    }

    proxy.getClass().getMethod("start").invoke(proxy);

    Method localPort = connectors[0].getClass().getMethod("getLocalPort");
    // The parent process reads this line to learn the endpoint; keep its format stable.
    System.out.println("STRATUM_DYNAMODB_LOCAL_LISTENING " + HOST + ":" + localPort.invoke(connectors[0]));
    System.out.flush();
  }

  /** The parent holds our stdin open; end of input means it has gone, so stop with it. */
  private static void exitWhenParentGoes() {
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Input is not used; reading only detects the end of the stream.
        }
      } catch (java.io.IOException ignored) {
        // A broken pipe means the same thing as end of input.
      }
      System.exit(0);
    }, "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }
}
