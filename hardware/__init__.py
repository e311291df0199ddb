"""Serial devices of a Linedesk station: balances and barcode scanners.

Pure Python over pyserial (and biip for GS1). Three layers, as in pyserial's
``serial.threaded`` Packetizer and PyMeasure's adapters: ``transport`` moves bytes and
reconnects, ``codecs`` turn bytes into readings and scans, ``devices`` speak the verbs.
Nothing here imports Qt, SQLAlchemy or the rest of Linedesk.
"""
