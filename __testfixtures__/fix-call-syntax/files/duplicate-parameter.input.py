def publish(name, payload, processor_name=None, processor_name=None):
    return name, payload, processor_name
