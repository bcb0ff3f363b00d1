package com.advapacs.clinician.fido;

import java.util.List;

/**
 * Lists the keys that are present now. Production uses {@link HidDeviceSource} and, as a
 * developer option, {@link UdpSimulatorSource}; tests supply their own virtual keys.
 */
public interface DeviceSource {

    List<DeviceEntry> devices() throws FidoException;
}
