"""Our own example sentences and what is learnt from them (see ``data/examples``)."""
