"""Built-in example profiles (`endoprotocol plan --example NAME`)."""
