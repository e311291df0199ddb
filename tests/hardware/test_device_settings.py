"""[devices.*] sections: validated, with the key named in every error."""

import pytest

from hardware.settings import ScaleSettings, ScannerSettings, SettingsError


def test_sbi_defaults_are_the_factory_settings():
    port = ScaleSettings.from_mapping({"port": "COM3", "protocol": "sbi"}).port
    assert (port.baudrate, port.bytesize, port.parity, port.rtscts) == (1200, 7, "O", True)


def test_usb_binding_instead_of_a_port_name():
    port = ScaleSettings.from_mapping({"usb_vid": "0403", "usb_pid": "0x6001"}).port
    assert (port.usb_vid, port.usb_pid) == (0x0403, 0x6001)


def test_scanner_suffix_names():
    assert ScannerSettings.from_mapping({"port": "COM4", "suffix": "CRLF"}).suffix == b"\r\n"


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ({"port": "COM3", "protocol": "foo"}, "protocol"),
        ({"port": "COM3", "baud": 9600}, "baud"),
        ({}, "port"),
        ({"port": "COM3", "parity": "X"}, "parity"),
        ({"port": "COM3", "bytesize": 9}, "bytesize"),
        ({"port": "COM3", "mode": "burst"}, "mode"),
        ({"port": "COM3", "rtscts": "yes"}, "rtscts"),
        ({"port": "COM3", "usb_vid": "zz"}, "usb_vid"),
    ],
)
def test_scale_error_names_the_key(section, key):
    with pytest.raises(SettingsError) as info:
        ScaleSettings.from_mapping(section)
    assert info.value.key == key and info.value.message


def test_empty_scanner_suffix_is_refused():
    with pytest.raises(SettingsError, match="suffix"):
        ScannerSettings.from_mapping({"port": "COM4", "suffix": "NONE"})


def test_bad_pattern_is_refused():
    with pytest.raises(SettingsError) as info:
        ScannerSettings.from_mapping({"port": "COM4", "patterns": {"lot": "LOT-("}})
    assert info.value.key == "patterns"
