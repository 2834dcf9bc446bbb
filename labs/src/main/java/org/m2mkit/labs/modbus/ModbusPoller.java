package org.m2mkit.labs.modbus;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.m2mkit.labs.UserError;

/**
 * The gateway's Modbus TCP connection to one legacy meter: each {@link #poll()} reads the six input registers
 * (function 04) and decodes them in the meter model's word order. One poll at a time.
 */
public final class ModbusPoller implements AutoCloseable {

    /** MBAP header: transaction id, protocol id, length (2 bytes each) and unit id (1). */
    static final int MBAP = 7;
    /** Function 04's request: MBAP, function code, starting address (2), quantity (2). */
    public static final int REQUEST_ADU = MBAP + 1 + 4;

    private final String host;
    private final int port;
    private final WordOrder order;
    private TCPMasterConnection connection;

    /**
     * @param order the word order the gateway's device table says the meter's model uses
     */
    public ModbusPoller(String host, int port, WordOrder order) {
        this.host = host;
        this.port = port;
        this.order = order;
    }

    /**
     * One poll's result and what it cost on the wire.
     *
     * @param registers     the six registers as read
     * @param reading       the registers decoded
     * @param requestBytes  the request's ADU size (MBAP header + PDU)
     * @param responseBytes the response's ADU size
     * @param roundTripNanos request sent to response read
     */
    public record Poll(int[] registers, RegisterMap.Reading reading, int requestBytes, int responseBytes,
                       long roundTripNanos) {
    }

    /**
     * Reads the meter, connecting first when needed.
     *
     * @throws UserError when the meter does not answer
     */
    public synchronized Poll poll() {
        try {
            if (connection == null || !connection.isConnected()) {
                connection = new TCPMasterConnection(InetAddress.getByName(host));
                connection.setPort(port);
                connection.setTimeout(3000);
                connection.connect();
            }
            ReadInputRegistersRequest request = new ReadInputRegistersRequest(RegisterMap.FIRST, RegisterMap.COUNT);
            request.setUnitID(RegisterMap.UNIT_ID);
            ModbusTCPTransaction tx = new ModbusTCPTransaction(connection);
            tx.setRequest(request);
            long start = System.nanoTime();
            tx.execute();
            long rtt = System.nanoTime() - start;
            ReadInputRegistersResponse response = (ReadInputRegistersResponse) tx.getResponse();
            int[] regs = new int[RegisterMap.COUNT];
            for (int i = 0; i < regs.length; i++) {
                regs[i] = response.getRegisterValue(i);
            }
            // sizes from the Modbus TCP specification: the response is MBAP, function code, byte count, data
            return new Poll(regs, RegisterMap.decode(regs, order), REQUEST_ADU,
                    MBAP + 2 + response.getByteCount(), rtt);
        } catch (UnknownHostException e) {
            throw new UserError("legacy meter host '" + host + "' is not known", e);
        } catch (ModbusException e) {
            close();
            throw new UserError("legacy meter at " + host + ":" + port + " did not answer: " + e.getMessage(), e);
        } catch (Exception e) { // NOPMD: j2mod's connect declares Exception
            close();
            throw new UserError("legacy meter at " + host + ":" + port + " cannot be reached: " + e.getMessage(), e);
        }
    }

    public WordOrder wordOrder() {
        return order;
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
