"""The Qt desktop client. Widgets call services; they never open a database session."""
