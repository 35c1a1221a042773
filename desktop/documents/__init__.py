"""Printed forms (ReportLab): plain data in, PDF bytes out. No database, no Qt."""
